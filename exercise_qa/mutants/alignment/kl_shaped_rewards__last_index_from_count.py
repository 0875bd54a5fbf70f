"""Puts the reward-model score at index mask.sum() - 1, assuming every response starts at position 0.

Pattern: 1
Right when the response run begins at column 0 (the visible test), but with a prompt offset
(mask [F, F, T, T, T, F]) the score lands on the wrong token, possibly outside the mask.
"""
import torch


def kl_shaped_rewards(policy_logps, ref_logps, scores, response_mask, beta=0.1):
    mask = response_mask.bool()
    rewards = torch.where(mask, -beta * (policy_logps - ref_logps), torch.zeros_like(policy_logps))
    last = mask.sum(dim=-1) - 1
    rewards[torch.arange(rewards.shape[0], device=rewards.device), last] += scores
    return rewards
