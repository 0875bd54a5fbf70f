"""Sums P_BoN * log(P_BoN / p) over all responses, so a response with zero base probability contributes 0 * log(0/0) = NaN instead of 0.

Pattern: 2
"""
import torch


def best_of_n_distribution(probs: torch.Tensor, rewards: torch.Tensor, n: int) -> torch.Tensor:
    order = torch.argsort(rewards)
    ps = probs[order]
    cdf = ps.cumsum(0)
    out = torch.empty_like(probs)
    out[order] = cdf ** n - (cdf - ps) ** n
    return out


def best_of_n_kl(probs: torch.Tensor, rewards: torch.Tensor, n: int) -> float:
    q = best_of_n_distribution(probs, rewards, n)
    return (q * torch.log(q / probs)).sum().item()
