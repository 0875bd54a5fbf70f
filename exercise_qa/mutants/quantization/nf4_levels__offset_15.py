"""Uses offset = 1 - 1/(2*15) = 0.96667 instead of the midpoint 0.9677083: every non-extreme level is shifted by ~1e-3, still sorted from -1 to 1 with an exact 0.

Pattern: 3
"""
import torch


def nf4_levels() -> torch.Tensor:
    offset = 1 - 1 / (2 * 15)
    pos = torch.special.ndtri(torch.linspace(offset, 0.5, 9, dtype=torch.float64)[:-1])
    neg = -torch.special.ndtri(torch.linspace(offset, 0.5, 8, dtype=torch.float64)[:-1])
    levels = torch.cat([pos, neg, torch.zeros(1, dtype=torch.float64)])
    levels = torch.sort(levels).values
    levels = levels / levels.max()
    return levels.to(torch.float32)


def nf4_roundtrip(w: torch.Tensor, block_size: int = 64) -> torch.Tensor:
    levels = nf4_levels().to(w.device)
    blocks = w.reshape(-1, block_size).to(torch.float32)
    amax = blocks.abs().amax(dim=1, keepdim=True)
    amax = torch.where(amax > 0, amax, torch.ones_like(amax))
    normed = blocks / amax
    idx = (normed.unsqueeze(-1) - levels).abs().argmin(dim=-1)
    out = levels[idx] * amax
    return out.reshape(w.shape).to(w.dtype)
