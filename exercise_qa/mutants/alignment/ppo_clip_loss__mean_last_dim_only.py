"""Averages the surrogate over the last dimension only (per-sequence mean): a 0-dim loss for 1-D inputs, but a (B,) tensor instead of a scalar for (B, T) inputs.

Pattern: 2
"""
import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps: float = 0.2):
    ratio = torch.exp(logp_new - logp_old)
    obj = torch.min(ratio * advantages, torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps) * advantages)
    return -obj.mean(dim=-1)
