"""Computes the probability ratio as logp_new / logp_old instead of exp(logp_new - logp_old).

Pattern: 1
Equal log-probs give ratio 1 either way (the visible test); for any real update the "ratio" is
a quotient of two negative numbers, with the wrong value and the wrong gradient sign.
"""
import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps=0.2):
    ratio = logp_new / logp_old
    unclipped = ratio * advantages
    clipped = torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps) * advantages
    return -torch.min(unclipped, clipped).mean()
