"""torch.svd_lowrank(delta, q=r) used as if it were exact: a randomized approximation, not the Eckart-Young optimum.

Pattern: 3
Exact when delta has rank <= r (the visible rank-4 case) and close otherwise; on a full-rank
matrix with a slowly decaying spectrum the error is measurably above sqrt(sum of dropped sigma^2).
"""
import torch


def low_rank_factors(delta: torch.Tensor, r: int):
    U, S, V = torch.svd_lowrank(delta, q=r, niter=2)
    B = U * S
    A = V.T
    return B.to(delta.dtype), A.contiguous().to(delta.dtype)
