"""Best-of-n ranking the responses by base probability instead of by reward."""
import torch


def best_of_n_distribution(probs, rewards, n):
    order = torch.argsort(probs)
    c = probs[order].cumsum(0)
    out = torch.empty_like(probs)
    out[order] = c ** n - (c - probs[order]).clamp(min=0) ** n
    return out
