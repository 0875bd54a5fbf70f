"""Averages over every position, masked ones included, so the loss shrinks with the prompt's length."""
import torch.nn.functional as F


def completion_loss(logits, labels):
    vocab = logits.shape[-1]
    targets = labels[:, 1:].reshape(-1)
    summed = F.cross_entropy(logits[:, :-1].reshape(-1, vocab), targets, ignore_index=-100, reduction="sum")
    return summed / targets.numel()
