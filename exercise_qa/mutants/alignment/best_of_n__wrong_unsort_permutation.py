"""Maps the sorted probabilities back with out = bon[order] instead of out[order] = bon: uses the permutation instead of its inverse, correct only when the sort order is its own inverse.

Pattern: 4
"""
import math
import torch


def best_of_n_distribution(probs: torch.Tensor, rewards: torch.Tensor, n: int) -> torch.Tensor:
    order = torch.argsort(rewards)
    p_sorted = probs[order]
    F_ = torch.cumsum(p_sorted, 0)
    bon_sorted = F_ ** n - (F_ - p_sorted) ** n
    return bon_sorted[order]


def best_of_n_kl(probs: torch.Tensor, rewards: torch.Tensor, n: int) -> float:
    q = best_of_n_distribution(probs, rewards, n)
    keep = q > 0
    return float((q[keep] * torch.log(q[keep] / probs[keep])).sum())
