"""Keeps the r smallest singular triplets (assumes ascending order), the worst rank-r fit instead of the best."""
import torch


def low_rank_factors(delta, r):
    U, S, Vh = torch.linalg.svd(delta, full_matrices=False)
    return U[:, -r:] * S[-r:], Vh[-r:]
