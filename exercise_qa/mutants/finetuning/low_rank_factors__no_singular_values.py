"""Drops the singular values: B @ A = U_r V_r^T has the right directions but the wrong magnitudes."""
import torch


def low_rank_factors(delta, r):
    U, S, Vh = torch.linalg.svd(delta, full_matrices=False)
    return U[:, :r], Vh[:r]
