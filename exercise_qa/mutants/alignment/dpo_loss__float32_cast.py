"""Casts the log-probs to float32 before computing the loss (a bf16-training habit), losing float64 precision.

Pattern: 3
Summed log-probs around -20..-300 lose ~1e-6 relative precision in float32: the loss and rewards
stay well inside the float32 tolerance (visible test) but miss the float64 references at
atol=1e-10, and come back as float32 for float64 inputs.
"""
import torch
import torch.nn.functional as F


def dpo_loss(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps, beta=0.1):
    pc, pr = policy_chosen_logps.float(), policy_rejected_logps.float()
    rc, rr = ref_chosen_logps.float(), ref_rejected_logps.float()
    chosen_rewards = beta * (pc - rc)
    rejected_rewards = beta * (pr - rr)
    loss = -F.logsigmoid(chosen_rewards - rejected_rewards).mean()
    return loss, chosen_rewards.detach(), rejected_rewards.detach()
