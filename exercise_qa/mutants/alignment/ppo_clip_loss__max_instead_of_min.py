"""Takes the max of the two surrogate terms (because the loss is minimised) instead of the min of the objective: the same when the ratio is 1, optimistic elsewhere.

Pattern: 4
"""
import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps: float = 0.2):
    ratio = (logp_new - logp_old).exp()
    unclipped = ratio * advantages
    clipped = ratio.clamp(1 - clip_eps, 1 + clip_eps) * advantages
    return -torch.max(unclipped, clipped).mean()
