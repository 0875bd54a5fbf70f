"""Applies the KL penalty at every position, forgetting to zero the rewards outside the response mask.

Pattern: 2
"Positions outside the mask get 0": in the visible test the padding log-probs are 0 under both
models, so the unmasked penalty happens to be 0 there; real padding (or prompt) log-probs differ
and leak nonzero rewards into the returns.
"""
import torch


def kl_shaped_rewards(policy_logps, ref_logps, scores, response_mask, beta=0.1):
    mask = response_mask.bool()
    rewards = -beta * (policy_logps - ref_logps)
    last = mask.long().cumsum(dim=-1).argmax(dim=-1)
    rewards = rewards.clone()
    rewards[torch.arange(rewards.shape[0], device=rewards.device), last] += scores
    return rewards
