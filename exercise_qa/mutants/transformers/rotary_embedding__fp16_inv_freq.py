"""inv_freq stored in float16 (registered "in the model dtype"): each frequency carries a ~5e-4 relative error, so angles drift by about position * theta * 5e-4.
Pattern: 3

Position 0 is still exactly the identity and the rotation still preserves norms; the error at the
first few positions is ~1e-5..1e-4, just over a 1e-5 tolerance and far under a loose one, and
grows with the position.
"""
import torch


def rope_cos_sin(seq_len: int, head_dim: int, base: float = 10000.0, device=None):
    inv_freq = 1.0 / (base ** (torch.arange(0, head_dim, 2, dtype=torch.float32, device=device) / head_dim))
    inv_freq = inv_freq.to(torch.float16).float()
    t = torch.arange(seq_len, dtype=torch.float32, device=device)
    freqs = torch.outer(t, inv_freq)
    emb = torch.cat([freqs, freqs], dim=-1)
    return emb.cos(), emb.sin()


def apply_rope(x: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor) -> torch.Tensor:
    half = x.shape[-1] // 2
    x1, x2 = x[..., :half], x[..., half:]
    rotated = torch.cat([-x2, x1], dim=-1)
    return x * cos + rotated * sin
