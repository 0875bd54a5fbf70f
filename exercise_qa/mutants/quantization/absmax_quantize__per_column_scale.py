"""Per-channel scales taken over dim=0 (one per input column, shape (1, cols)) instead of one per output row.

Pattern: 5
"""
import torch


def absmax_quantize(x: torch.Tensor, per_channel: bool = False) -> tuple:
    if per_channel:
        amax = x.abs().amax(dim=0, keepdim=True)
    else:
        amax = x.abs().max()
    scale = torch.where(amax > 0, amax / 127, torch.ones_like(amax))
    q = torch.clamp(torch.round(x / scale), -128, 127).to(torch.int8)
    return q, scale
