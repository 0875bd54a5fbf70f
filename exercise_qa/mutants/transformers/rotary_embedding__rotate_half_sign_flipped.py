"""rotate_half written as [x2, -x1] instead of [-x2, x1]: every pair rotates by -p*theta, the opposite direction from Llama.
Pattern: 4

A rotation by the negated angle is still a rotation: identity at position 0, norm-preserving,
relative-position property intact. Only a direct comparison with apply_rotary_pos_emb catches it.
"""
import torch


def rope_cos_sin(seq_len: int, head_dim: int, base: float = 10000.0, device=None):
    inv_freq = 1.0 / (base ** (torch.arange(0, head_dim, 2, dtype=torch.float32, device=device) / head_dim))
    t = torch.arange(seq_len, dtype=torch.float32, device=device)
    freqs = torch.outer(t, inv_freq)
    emb = torch.cat([freqs, freqs], dim=-1)
    return emb.cos(), emb.sin()


def apply_rope(x: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor) -> torch.Tensor:
    half = x.shape[-1] // 2
    x1, x2 = x[..., :half], x[..., half:]
    rotated = torch.cat([x2, -x1], dim=-1)
    return x * cos + rotated * sin
