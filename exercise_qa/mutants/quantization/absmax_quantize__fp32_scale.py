"""Scales are always kept in float32 ("for accuracy"), so bf16/fp16/float64 inputs get a float32 scale (and codes computed at the wrong precision) instead of a scale of x's dtype.

Pattern: 2
"""
import torch


def absmax_quantize(x: torch.Tensor, per_channel: bool = False) -> tuple:
    if per_channel:
        amax = x.abs().amax(dim=1, keepdim=True)
    else:
        amax = x.abs().max()
    amax = amax.to(torch.float32)
    scale = torch.where(amax > 0, amax / 127, torch.ones_like(amax))
    q = torch.clamp(torch.round(x.to(torch.float32) / scale), -128, 127).to(torch.int8)
    return q, scale
