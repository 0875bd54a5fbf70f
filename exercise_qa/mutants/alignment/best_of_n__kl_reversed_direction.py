"""Computes KL(p || P_BoN) instead of KL(P_BoN || p): the wrong direction of the divergence (and infinite when P_BoN is 0 where p is not).

Pattern: 5
"""
import torch


def best_of_n_distribution(probs: torch.Tensor, rewards: torch.Tensor, n: int) -> torch.Tensor:
    order = torch.argsort(rewards)
    ps = probs[order]
    cdf = torch.cumsum(ps, dim=0)
    out = torch.zeros_like(probs)
    out[order] = cdf ** n - (cdf - ps) ** n
    return out


def best_of_n_kl(probs: torch.Tensor, rewards: torch.Tensor, n: int) -> float:
    q = best_of_n_distribution(probs, rewards, n)
    m = probs > 0
    return float((probs[m] * torch.log(probs[m] / q[m])).sum())
