"""KV-cache offset with the wrong sign: tril(diagonal=t_q - t_k) hides keys the query should see instead of revealing them.
Pattern: 1

The candidate remembered that the diagonal must shift by the length difference but shifted it
down instead of up. Identical to the right answer whenever t_k == t_q (the visible test).
"""
import torch


def causal_mask(t_q: int, t_k: int | None = None, device=None) -> torch.Tensor:
    if t_k is None:
        t_k = t_q
    ones = torch.ones(t_q, t_k, dtype=torch.bool, device=device)
    return torch.tril(ones, diagonal=t_q - t_k)
