"""Uses scale = max|x| / 128 (counting int8's 128 negative levels), so the largest positive value saturates at 127."""
import torch


def absmax_quantize(x, per_channel=False):
    amax = x.abs().amax(dim=1, keepdim=True) if per_channel else x.abs().amax()
    scale = torch.where(amax > 0, amax / 128, torch.ones_like(amax))
    return torch.clamp(torch.round(x / scale), -128, 127).to(torch.int8), scale
