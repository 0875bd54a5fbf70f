"""SimPO loss as -log(sigmoid(z)): overflows to inf when the chosen response is far less likely per token than the rejected one.

Pattern: 1
"""
import torch


def ipo_loss(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps,
             beta: float = 0.1):
    h = (policy_chosen_logps - ref_chosen_logps) - (policy_rejected_logps - ref_rejected_logps)
    return ((h - 1.0 / (2.0 * beta)) ** 2).mean()


def simpo_loss(policy_chosen_logps, policy_rejected_logps, chosen_lengths, rejected_lengths,
               beta: float = 2.0, gamma: float = 0.5):
    z = beta * policy_chosen_logps / chosen_lengths - beta * policy_rejected_logps / rejected_lengths - gamma
    return -torch.log(torch.sigmoid(z)).mean()
