"""KV-cache mask aligned top-left: plain tril(ones(t_q, t_k)) ignores the t_k - t_q offset, so cached queries cannot see the newest keys.
Pattern: 1

Correct only when t_q == t_k (the visible 3x3 case). With t_q < t_k, query i should see keys up
to i + (t_k - t_q), but torch.tril keeps the diagonal anchored at the top-left corner.
"""
import torch


def causal_mask(t_q: int, t_k: int | None = None, device=None) -> torch.Tensor:
    if t_k is None:
        t_k = t_q
    return torch.tril(torch.ones(t_q, t_k, dtype=torch.bool, device=device))
