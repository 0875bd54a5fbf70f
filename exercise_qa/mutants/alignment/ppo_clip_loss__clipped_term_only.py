"""Uses only the clipped term clip(ratio) * A, dropping the min with the unclipped term: loses PPO's pessimistic bound when A < 0 and ratio < 1 - eps (or A > 0, ratio > 1 + eps keeps gradient wrongly).

Pattern: 5
"""
import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps: float = 0.2):
    ratio = torch.exp(logp_new - logp_old)
    return -(torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps) * advantages).mean()
