"""IPO: averages h over the batch first and squares afterwards, (mean(h) - 1/(2 beta))**2 instead of mean((h - 1/(2 beta))**2).

Pattern: 1
Identical for a batch of one pair (the visible test); for larger batches the per-pair errors
cancel before squaring, so the loss is too small (0 whenever h averages to the target). SimPO
is correct.
"""
import torch
import torch.nn.functional as F


def ipo_loss(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps, beta=0.1):
    h = (policy_chosen_logps - ref_chosen_logps) - (policy_rejected_logps - ref_rejected_logps)
    return (h.mean() - 1 / (2 * beta)) ** 2


def simpo_loss(policy_chosen_logps, policy_rejected_logps, chosen_lengths, rejected_lengths,
               beta=2.0, gamma=0.5):
    z = beta * policy_chosen_logps / chosen_lengths - beta * policy_rejected_logps / rejected_lengths - gamma
    return -F.logsigmoid(z).mean()
