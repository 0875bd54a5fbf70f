"""apply_rope writes the rotation into x in place and returns x: the caller's queries/keys are overwritten, so rotating the same tensor twice rotates it twice.
Pattern: 2

"Save memory, no temporaries." The returned values are right; the visible test even passes more
easily, because it compares y with the (now rotated) x it passed in.
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
    x1 = x[..., :half].clone()
    x2 = x[..., half:].clone()
    x[..., :half] = x1 * cos[..., :half] - x2 * sin[..., :half]
    x[..., half:] = x2 * cos[..., half:] + x1 * sin[..., half:]
    return x
