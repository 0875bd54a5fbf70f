"""Averages the micro-batch mean losses (loss_i / n_micro): equals the token mean only when every micro-batch has the same number of real tokens.

Pattern: 1
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


def accumulate_gradients(model: nn.Module, micro_batches: list) -> float:
    model.zero_grad(set_to_none=True)
    total = 0.0
    for x, y in micro_batches:
        logits = model(x)
        loss = F.cross_entropy(logits.flatten(0, 1), y.flatten(), ignore_index=-100)
        (loss / len(micro_batches)).backward()
        total += loss.item() / len(micro_batches)
    return total
