"""Detaches the implicit rewards first and then builds the loss from them, so the loss has no gradient.

Pattern: 2
The values are all right (visible test passes), but the loss must be a tensor autograd can
differentiate; here loss.requires_grad is False and loss.backward() raises.
"""
import torch
import torch.nn.functional as F


def dpo_loss(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps, beta=0.1):
    # rewards are only for logging, so keep them out of the graph
    chosen_rewards = (beta * (policy_chosen_logps - ref_chosen_logps)).detach()
    rejected_rewards = (beta * (policy_rejected_logps - ref_rejected_logps)).detach()
    loss = -F.logsigmoid(chosen_rewards - rejected_rewards).mean()
    return loss, chosen_rewards, rejected_rewards
