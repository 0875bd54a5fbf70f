"""Loops over rewards.shape[0] and indexes rewards[t]: fine for one 1-D trajectory, but with a leading batch dimension it iterates over the batch, not time.

Pattern: 2
"""
import torch


def gae(rewards, values, gamma: float = 1.0, lam: float = 0.95):
    T = rewards.shape[0]
    adv = torch.zeros_like(rewards)
    gae_t = 0.0
    for t in reversed(range(T)):
        delta = rewards[t] + gamma * values[t + 1] - values[t]
        gae_t = delta + gamma * lam * gae_t
        adv[t] = gae_t
    return adv, adv + values[:T]
