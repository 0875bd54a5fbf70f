"""PPO with the clip applied to the advantage instead of the probability ratio."""
import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps=0.2):
    ratio = torch.exp(logp_new - logp_old)
    return -torch.minimum(ratio * advantages, ratio * advantages.clamp(1 - clip_eps, 1 + clip_eps)).mean()
