"""Takes the log-ratio as reference minus policy, flipping the sign of both implicit rewards.

Pattern: 1
Only the symmetric point pi = pi_ref (the visible test: loss log 2, rewards 0) is right; for any
other input the loss rewards the policy for moving AWAY from the chosen response, and the
gradient step lowers the chosen-vs-rejected margin.
"""
import torch
import torch.nn.functional as F


def dpo_loss(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps, beta=0.1):
    chosen_rewards = beta * (ref_chosen_logps - policy_chosen_logps)
    rejected_rewards = beta * (ref_rejected_logps - policy_rejected_logps)
    loss = -F.logsigmoid(chosen_rewards - rejected_rewards).mean()
    return loss, chosen_rewards.detach(), rejected_rewards.detach()
