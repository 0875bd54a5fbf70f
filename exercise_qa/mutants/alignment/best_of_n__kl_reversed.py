"""Computes KL(p || P_BoN) instead of KL(P_BoN || p).

Pattern: 2
The docstring fixes the direction (sum_i P_BoN(i) log(P_BoN(i) / p_i)); the reversed KL is also
>= 0 and 0 for n = 1, but it exceeds the log n - (n - 1)/n bound and differs from 0.193 for n = 2.
The distribution is correct.
"""
import torch


def best_of_n_distribution(probs: torch.Tensor, rewards: torch.Tensor, n: int) -> torch.Tensor:
    order = torch.argsort(rewards)
    p_sorted = probs[order]
    cdf = torch.cumsum(p_sorted, dim=0)
    below = (cdf - p_sorted).clamp(min=0)
    out = torch.empty_like(probs)
    out[order] = cdf ** n - below ** n
    return out


def best_of_n_kl(probs: torch.Tensor, rewards: torch.Tensor, n: int) -> float:
    p_bon = best_of_n_distribution(probs, rewards, n)
    keep = probs > 0
    return float((probs[keep] * torch.log(probs[keep] / p_bon[keep])).sum())
