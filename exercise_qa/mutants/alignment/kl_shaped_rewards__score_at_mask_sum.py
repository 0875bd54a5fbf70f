"""Puts the reward-model score at index mask.sum() - 1, assuming the response starts at position 0: wrong as soon as the rows have a prompt offset.

Pattern: 1
"""
import torch


def kl_shaped_rewards(policy_logps, ref_logps, scores, response_mask, beta: float = 0.1):
    mask = response_mask.to(policy_logps.dtype)
    rewards = -beta * (policy_logps - ref_logps) * mask
    last = response_mask.long().sum(-1) - 1
    rows = torch.arange(rewards.shape[0], device=rewards.device)
    rewards[rows, last] += scores.to(rewards.dtype)
    return rewards
