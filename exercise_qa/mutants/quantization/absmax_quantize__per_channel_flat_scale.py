"""Per-channel scale returned with shape (rows,) (amax without keepdim) instead of the documented (rows, 1); broadcasting is patched only inside the function.

Pattern: 2
"""
import torch


def absmax_quantize(x: torch.Tensor, per_channel: bool = False) -> tuple:
    if per_channel:
        amax = x.abs().amax(dim=1)
    else:
        amax = x.abs().max()
    scale = torch.where(amax > 0, amax / 127, torch.ones_like(amax))
    s = scale.unsqueeze(1) if per_channel else scale
    q = torch.clamp(torch.round(x / s), -128, 127).to(torch.int8)
    return q, scale
