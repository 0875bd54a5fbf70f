"""Adds an epsilon to max|x| to avoid dividing by zero, so every scale is slightly larger than max|x| / 127.

Pattern: 3
scale = (max|x| + 1e-6) / 127 is off by about 8e-9 in absolute terms, invisible at atol=1e-5 for
ordinary keys, and the round trip still satisfies err <= scale / 2; but the largest element no
longer maps to exactly +-127, and small-magnitude vectors (max|x| ~ 1e-5) get a scale ~10% off.
"""
import torch


def quantize_kv_int8(x: torch.Tensor):
    scale = (x.abs().amax(dim=-1, keepdim=True) + 1e-6) / 127
    q = torch.round(x / scale).clamp(-127, 127).to(torch.int8)
    return q, scale


def dequantize_kv_int8(q: torch.Tensor, scale: torch.Tensor) -> torch.Tensor:
    return q.to(scale.dtype) * scale
