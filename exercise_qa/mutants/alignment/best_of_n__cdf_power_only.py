"""Best-of-n returning F(i)^n (the CDF of the maximum) instead of the mass F(i)^n - F(i-1)^n."""
import torch


def best_of_n_distribution(probs, rewards, n):
    order = torch.argsort(rewards)
    out = torch.empty_like(probs)
    out[order] = probs[order].cumsum(0) ** n
    return out
