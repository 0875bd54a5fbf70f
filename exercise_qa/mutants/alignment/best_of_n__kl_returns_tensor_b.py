"""Returns the KL as a 0-dim tensor instead of a Python float.

Pattern: 2
The value is right; the contract asks for a Python float (float(...) or .item() forgotten).
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
    keep = p_bon > 0
    return (p_bon[keep] * torch.log(p_bon[keep] / probs[keep])).sum()
