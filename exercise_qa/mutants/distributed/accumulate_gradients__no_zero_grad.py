"""Never zeroes the gradients before accumulating: right on a fresh model, but a second call adds to the previous gradients.

Pattern: 4
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


def accumulate_gradients(model: nn.Module, micro_batches: list) -> float:
    n_tokens = sum(int((y != -100).sum()) for _, y in micro_batches)
    total = 0.0
    for x, y in micro_batches:
        s = F.cross_entropy(model(x).flatten(0, 1), y.flatten(), ignore_index=-100, reduction="sum")
        (s / n_tokens).backward()
        total += s.item()
    return total / n_tokens
