"""Returns the analytic formula log n - (n - 1)/n as the KL, ignoring the actual probabilities.

Pattern: 1
That value is only the limit for flat distributions where no response carries much mass (0.193
for n = 2 with many responses); for few responses or a peaked base policy the true KL is
smaller. The distribution is correct.
"""
import math

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
    return math.log(n) - (n - 1) / n
