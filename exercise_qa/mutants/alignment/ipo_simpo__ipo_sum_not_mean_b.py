"""IPO: sums the squared errors over the batch instead of taking the mean.

Pattern: 4
Right only because the visible test has a batch of one pair; with B pairs the loss is B times
too large. SimPO is correct.
"""
import torch
import torch.nn.functional as F


def ipo_loss(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps, beta=0.1):
    h = (policy_chosen_logps - ref_chosen_logps) - (policy_rejected_logps - ref_rejected_logps)
    return ((h - 1 / (2 * beta)) ** 2).sum()


def simpo_loss(policy_chosen_logps, policy_rejected_logps, chosen_lengths, rejected_lengths,
               beta=2.0, gamma=0.5):
    z = beta * policy_chosen_logps / chosen_lengths - beta * policy_rejected_logps / rejected_lengths - gamma
    return -F.logsigmoid(z).mean()
