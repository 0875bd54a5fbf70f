"""Uses only the clipped term, -mean(clip(ratio) * A), dropping the min with the unclipped term.

Pattern: 5
At ratio 1 (the visible test) both terms agree; otherwise the pessimistic min is gone: for A < 0
and ratio > 1 + eps the loss is too small and the gradient that should push the ratio back down
vanishes.
"""
import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps=0.2):
    ratio = torch.exp(logp_new - logp_old)
    return -(torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps) * advantages).mean()
