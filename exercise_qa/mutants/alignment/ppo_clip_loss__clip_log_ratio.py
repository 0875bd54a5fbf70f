"""Clips the log-ratio to [-eps, eps] before exponentiating: the ratio bounds become [0.819, 1.221] instead of [0.8, 1.2], a small error on clipped elements.

Pattern: 3
"""
import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps: float = 0.2):
    log_ratio = logp_new - logp_old
    ratio = torch.exp(log_ratio)
    clipped_ratio = torch.exp(torch.clamp(log_ratio, -clip_eps, clip_eps))
    return -torch.min(ratio * advantages, clipped_ratio * advantages).mean()
