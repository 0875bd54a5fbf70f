"""Dequantizes with q.float() * scale, so fp16/bf16 scales come back as float32 instead of scale's dtype.

Pattern: 2
Type promotion float32 * float16 -> float32: the values are right and a float32 cache (the
visible test) is unaffected, but the contract says the result is in scale's dtype (and an fp16
cache silently doubles in size when dequantized).
"""
import torch


def quantize_kv_int8(x: torch.Tensor):
    scale = x.abs().amax(dim=-1, keepdim=True) / 127
    safe = torch.where(scale == 0, torch.ones_like(scale), scale)
    q = torch.round(x / safe).clamp(-127, 127).to(torch.int8)
    return q, scale


def dequantize_kv_int8(q: torch.Tensor, scale: torch.Tensor) -> torch.Tensor:
    return q.float() * scale
