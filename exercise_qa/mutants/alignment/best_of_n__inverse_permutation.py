"""Maps the sorted probabilities back with P_sorted[order] instead of scattering them with out[order] = P_sorted.

Pattern: 4
That is the inverse permutation; it is only right when argsort(rewards) is its own inverse,
as for the visible rewards [0, 2, 1] (order [0, 2, 1]). For rewards [2, 0, 1] the probabilities
land on the wrong responses. The KL is computed from the same (wrong) distribution.
"""
import torch


def best_of_n_distribution(probs: torch.Tensor, rewards: torch.Tensor, n: int) -> torch.Tensor:
    order = torch.argsort(rewards)
    p_sorted = probs[order]
    cdf = torch.cumsum(p_sorted, dim=0)
    below = (cdf - p_sorted).clamp(min=0)
    p_bon_sorted = cdf ** n - below ** n
    return p_bon_sorted[order]


def best_of_n_kl(probs: torch.Tensor, rewards: torch.Tensor, n: int) -> float:
    p_bon = best_of_n_distribution(probs, rewards, n)
    keep = p_bon > 0
    return float((p_bon[keep] * torch.log(p_bon[keep] / probs[keep])).sum())
