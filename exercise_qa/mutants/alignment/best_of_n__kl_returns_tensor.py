"""best_of_n_kl returns a 0-dim tensor rather than the documented Python float.

Pattern: 2
"""
import torch


def best_of_n_distribution(probs: torch.Tensor, rewards: torch.Tensor, n: int) -> torch.Tensor:
    order = torch.argsort(rewards)
    ps = probs[order]
    cdf = torch.cumsum(ps, dim=0)
    out = torch.zeros_like(probs)
    out[order] = cdf.pow(n) - (cdf - ps).clamp_min(0).pow(n)
    return out


def best_of_n_kl(probs: torch.Tensor, rewards: torch.Tensor, n: int):
    q = best_of_n_distribution(probs, rewards, n)
    m = q > 0
    return torch.sum(q[m] * (q[m].log() - probs[m].log()))
