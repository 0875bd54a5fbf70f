"""Builds the rewards in place on the policy_logps tensor (sub_, mul_), overwriting the caller's log-probs.

Pattern: 2
The returned rewards are right (visible test), but policy_logps now holds the rewards: a caller
that reuses it (for the PPO ratio, or a second call) gets garbage, and a policy_logps that
requires grad raises on the in-place op.
"""
import torch


def kl_shaped_rewards(policy_logps, ref_logps, scores, response_mask, beta=0.1):
    mask = response_mask.bool()
    rewards = policy_logps
    rewards.sub_(ref_logps).mul_(-beta)
    rewards.masked_fill_(~mask, 0.0)
    last = mask.long().cumsum(dim=-1).argmax(dim=-1)
    rewards[torch.arange(rewards.shape[0], device=rewards.device), last] += scores
    return rewards
