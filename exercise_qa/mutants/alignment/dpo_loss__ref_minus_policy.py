"""Log-ratios written as reference minus policy: invisible when the policy equals the reference, but every reward and the loss's direction are flipped.

Pattern: 4
"""
import torch
import torch.nn.functional as F


def dpo_loss(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps,
             beta: float = 0.1):
    chosen_rewards = beta * (ref_chosen_logps - policy_chosen_logps)
    rejected_rewards = beta * (ref_rejected_logps - policy_rejected_logps)
    loss = -F.logsigmoid(chosen_rewards - rejected_rewards).mean()
    return loss, chosen_rewards.detach(), rejected_rewards.detach()
