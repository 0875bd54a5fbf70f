"""Finds "the last response token" with mask.nonzero()[-1], i.e. the last response token of the LAST row, and uses that column for every row.

Pattern: 4
With a single row (the visible test) it is that row's last token; in a batch whose responses
have different lengths every row gets its score at the last row's end column.
"""
import torch


def kl_shaped_rewards(policy_logps, ref_logps, scores, response_mask, beta=0.1):
    mask = response_mask.bool()
    rewards = (-beta * (policy_logps - ref_logps)) * mask
    last_col = mask.nonzero()[-1, 1]
    rewards[:, last_col] += scores
    return rewards
