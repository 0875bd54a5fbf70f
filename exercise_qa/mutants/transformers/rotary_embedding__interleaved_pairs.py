"""Uses the interleaved (GPT-J / original RoFormer) convention, pairing channels (2i, 2i+1), instead of the half-split pairing (i, i + d/2) that Llama uses.
Pattern: 4

Self-consistent: identity at position 0, norms preserved, <RoPE(q, m), RoPE(k, n)> depends only on
m - n. It passes every convention-free check by coincidence and disagrees with LlamaRotaryEmbedding
/ apply_rotary_pos_emb.
"""
import torch


def rope_cos_sin(seq_len: int, head_dim: int, base: float = 10000.0, device=None):
    inv_freq = 1.0 / (base ** (torch.arange(0, head_dim, 2, dtype=torch.float32, device=device) / head_dim))
    t = torch.arange(seq_len, dtype=torch.float32, device=device)
    freqs = torch.outer(t, inv_freq)
    emb = freqs.repeat_interleave(2, dim=-1)  # [t0, t0, t1, t1, ...]
    return emb.cos(), emb.sin()


def apply_rope(x: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor) -> torch.Tensor:
    x_even = x[..., 0::2]
    x_odd = x[..., 1::2]
    rotated = torch.stack([-x_odd, x_even], dim=-1).flatten(-2)
    return x * cos + rotated * sin
