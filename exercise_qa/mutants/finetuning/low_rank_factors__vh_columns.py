"""Takes columns of Vh as the right singular vectors (confuses V with V^T): the wrong singular vectors."""
import torch


def low_rank_factors(delta, r):
    U, S, Vh = torch.linalg.svd(delta, full_matrices=False)
    return U[:, :r] * S[:r], Vh[:, :r].T
