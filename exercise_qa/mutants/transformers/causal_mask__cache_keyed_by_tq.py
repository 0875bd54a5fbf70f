"""Mask cache keyed only by t_q: a later call with the same t_q but a different t_k (or device) returns the stale cached mask.
Pattern: 4

"Masks are reused every forward pass, so cache them." The cache key forgets t_k and device, so
the answer depends on which call came first: causal_mask(3) then causal_mask(3, 5) returns the
3x3 mask. Each fresh kernel call is correct.
"""
import torch


def causal_mask(t_q: int, t_k: int | None = None, device=None) -> torch.Tensor:
    cache = causal_mask.__dict__.setdefault("_cache", {})
    if t_q in cache:
        return cache[t_q]
    if t_k is None:
        t_k = t_q
    i = torch.arange(t_q, device=device).unsqueeze(1)
    j = torch.arange(t_k, device=device).unsqueeze(0)
    mask = j <= i + (t_k - t_q)
    cache[t_q] = mask
    return mask
