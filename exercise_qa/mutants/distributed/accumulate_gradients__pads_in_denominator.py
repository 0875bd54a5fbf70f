"""Divides the summed loss by every target position (y.numel()) instead of the non-padding tokens: right only when there is no -100 padding.

Pattern: 1
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


def accumulate_gradients(model: nn.Module, micro_batches: list) -> float:
    model.zero_grad(set_to_none=True)
    n_total = sum(y.numel() for _, y in micro_batches)
    loss_sum = 0.0
    for x, y in micro_batches:
        s = F.cross_entropy(model(x).reshape(-1, model(x).shape[-1]), y.reshape(-1),
                            ignore_index=-100, reduction="sum")
        (s / n_total).backward()
        loss_sum += float(s)
    return loss_sum / n_total
