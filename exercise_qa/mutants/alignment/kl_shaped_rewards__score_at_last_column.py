"""The reward-model score is put in the last column, ignoring that padding follows the response."""
import torch


def kl_shaped_rewards(policy_logps, ref_logps, scores, response_mask, beta=0.1):
    mask = response_mask.bool()
    rewards = torch.where(mask, -beta * (policy_logps - ref_logps), torch.zeros_like(policy_logps))
    rewards[:, -1] = rewards[:, -1] + scores
    return rewards
