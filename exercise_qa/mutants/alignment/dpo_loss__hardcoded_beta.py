"""Hard-codes beta = 0.1 from the paper instead of using the argument: right only when the caller passes the default.

Pattern: 4
"""
import torch
import torch.nn.functional as F

BETA = 0.1


def dpo_loss(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps,
             beta: float = 0.1):
    chosen_rewards = BETA * (policy_chosen_logps - ref_chosen_logps)
    rejected_rewards = BETA * (policy_rejected_logps - ref_rejected_logps)
    loss = -F.logsigmoid(chosen_rewards - rejected_rewards).mean()
    return loss, chosen_rewards.detach(), rejected_rewards.detach()
