"""IPO computed as (mean(h) - 1/(2 beta))**2, the square of the mean rather than the mean of the squares: equal for one pair only.

Pattern: 5
"""
import torch
import torch.nn.functional as F


def ipo_loss(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps,
             beta: float = 0.1):
    h = (policy_chosen_logps - ref_chosen_logps) - (policy_rejected_logps - ref_rejected_logps)
    return (h.mean() - 1 / (2 * beta)) ** 2


def simpo_loss(policy_chosen_logps, policy_rejected_logps, chosen_lengths, rejected_lengths,
               beta: float = 2.0, gamma: float = 0.5):
    z = beta * (policy_chosen_logps / chosen_lengths - policy_rejected_logps / rejected_lengths) - gamma
    return F.softplus(-z).mean()
