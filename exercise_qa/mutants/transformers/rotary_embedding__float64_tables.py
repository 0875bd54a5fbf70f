"""Builds the RoPE tables in float64 and never casts them to float32: the documented float32 dtype is not honoured and apply_rope silently promotes float32 activations to float64.
Pattern: 2

"Do it in double for accuracy." The values are right, so every value check passes (they compare
in float64 anyway); only a dtype check on cos/sin or on apply_rope's output catches it.
"""
import torch


def rope_cos_sin(seq_len: int, head_dim: int, base: float = 10000.0, device=None):
    i = torch.arange(0, head_dim, 2, dtype=torch.float64, device=device)
    inv_freq = 1.0 / (base ** (i / head_dim))
    t = torch.arange(seq_len, dtype=torch.float64, device=device)
    freqs = torch.outer(t, inv_freq)
    emb = torch.cat([freqs, freqs], dim=-1)
    return emb.cos(), emb.sin()


def apply_rope(x: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor) -> torch.Tensor:
    half = x.shape[-1] // 2
    x1, x2 = x[..., :half], x[..., half:]
    rotated = torch.cat([-x2, x1], dim=-1)
    return x * cos + rotated * sin
