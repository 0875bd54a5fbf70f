"""Writes the DPO loss as -log(sigmoid(margin)), which overflows to inf when the implicit-reward margin is very negative.

Pattern: 1
At pi = pi_ref (the visible test) it gives log 2; with summed log-probs of a few hundred nats
(margin beta * h around -150) sigmoid underflows to 0 and the loss is inf with NaN gradients.
"""
import torch
import torch.nn.functional as F


def dpo_loss(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps, beta=0.1):
    chosen_rewards = beta * (policy_chosen_logps - ref_chosen_logps)
    rejected_rewards = beta * (policy_rejected_logps - ref_rejected_logps)
    loss = -torch.log(torch.sigmoid(chosen_rewards - rejected_rewards)).mean()
    return loss, chosen_rewards.detach(), rejected_rewards.detach()
