"""Relies on cross-entropy's mean, which is 0/0 = NaN when truncation leaves no response token."""
import torch.nn.functional as F


def completion_loss(logits, labels):
    vocab = logits.shape[-1]
    return F.cross_entropy(logits[:, :-1].reshape(-1, vocab), labels[:, 1:].reshape(-1), ignore_index=-100)
