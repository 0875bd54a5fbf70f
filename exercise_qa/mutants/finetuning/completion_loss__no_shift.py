"""Forgets the one-position shift: logits[t] is scored against labels[t], the token it already sees."""
import torch.nn.functional as F


def completion_loss(logits, labels):
    vocab = logits.shape[-1]
    kept = (labels != -100).sum()
    summed = F.cross_entropy(logits.reshape(-1, vocab), labels.reshape(-1), ignore_index=-100, reduction="sum")
    return summed / kept.clamp_min(1)
