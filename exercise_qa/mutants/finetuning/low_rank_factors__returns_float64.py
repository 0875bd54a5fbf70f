"""SVD computed in float64 "for accuracy" and the factors returned in float64 instead of delta's dtype.

Pattern: 2
The product B @ A is, if anything, more accurate; the documented dtype (delta's) is not kept.
"""
import torch


def low_rank_factors(delta: torch.Tensor, r: int):
    U, S, Vh = torch.linalg.svd(delta.double(), full_matrices=False)
    sqrt_s = S[:r].sqrt()
    B = U[:, :r] * sqrt_s
    A = sqrt_s[:, None] * Vh[:r]
    return B, A
