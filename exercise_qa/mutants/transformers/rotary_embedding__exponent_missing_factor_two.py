"""Frequencies theta_i = base^(-i/head_dim) instead of base^(-2i/head_dim): the exponent loses its factor 2, so the slow channels rotate much too fast.
Pattern: 4

Uses torch.arange(head_dim // 2) as the exponent numerator, forgetting that it indexes pairs.
theta_0 = 1 is still right, position 0 is still the identity and the relative-position property
still holds, so it passes every property check by coincidence.
"""
import torch


def rope_cos_sin(seq_len: int, head_dim: int, base: float = 10000.0, device=None):
    i = torch.arange(head_dim // 2, dtype=torch.float32, device=device)
    inv_freq = base ** (-i / head_dim)
    t = torch.arange(seq_len, dtype=torch.float32, device=device)
    freqs = torch.outer(t, inv_freq)
    emb = torch.cat([freqs, freqs], dim=-1)
    return emb.cos(), emb.sin()


def apply_rope(x: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor) -> torch.Tensor:
    half = x.shape[-1] // 2
    x1, x2 = x[..., :half], x[..., half:]
    rotated = torch.cat([-x2, x1], dim=-1)
    return x * cos + rotated * sin
