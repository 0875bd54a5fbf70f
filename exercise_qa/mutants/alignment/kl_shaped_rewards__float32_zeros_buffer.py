"""Builds the output with torch.zeros(B, T) (default float32) and fills it: float64 inputs come back as float32, losing precision and the inputs' dtype.

Pattern: 2
"""
import torch


def kl_shaped_rewards(policy_logps, ref_logps, scores, response_mask, beta: float = 0.1):
    B, T = policy_logps.shape
    out = torch.zeros(B, T, device=policy_logps.device)
    mask = response_mask.bool()
    out[mask] = (-beta * (policy_logps - ref_logps))[mask].float()
    for b in range(B):
        idx = mask[b].nonzero()
        out[b, idx[-1, 0]] += float(scores[b])
    return out
