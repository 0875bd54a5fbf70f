"""Sums P_BoN * log(P_BoN / p) over all responses, so a response with P_BoN = 0 contributes 0 * log 0 = NaN.

Pattern: 1
"Responses with P_BoN = 0 contribute 0": with strictly positive probabilities and small n every
term is finite, but a zero-probability response (0 * log(0/0)) or a P_BoN that underflows to 0
for large n makes the KL NaN. The distribution is correct.
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
    return float((p_bon * torch.log(p_bon / probs)).sum())
