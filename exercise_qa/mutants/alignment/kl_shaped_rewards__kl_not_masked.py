"""Applies the KL penalty at every position and only places the score by the mask: padding gets -beta*(logp - ref) instead of 0 (invisible when the pads' log-probs are equal).

Pattern: 2
"""
import torch


def kl_shaped_rewards(policy_logps, ref_logps, scores, response_mask, beta: float = 0.1):
    rewards = -beta * (policy_logps - ref_logps)
    m = response_mask.long()
    T = m.shape[-1]
    pos = torch.arange(T, device=m.device).expand_as(m)
    last = torch.where(m.bool(), pos, torch.full_like(pos, -1)).max(-1).values
    rows = torch.arange(m.shape[0], device=m.device)
    rewards = rewards.clone()
    rewards[rows, last] += scores.to(rewards.dtype)
    return rewards
