"""Returns the discounted Monte-Carlo reward-to-go as the value targets instead of A + V: identical only when lambda = 1 and the bootstrap value is 0.

Pattern: 4
"""
import torch


def gae(rewards, values, gamma: float = 1.0, lam: float = 0.95):
    T = rewards.shape[-1]
    adv = torch.zeros_like(rewards)
    ret = torch.zeros_like(rewards)
    a = torch.zeros_like(rewards[..., 0])
    g = torch.zeros_like(rewards[..., 0])
    for t in reversed(range(T)):
        delta = rewards[..., t] + gamma * values[..., t + 1] - values[..., t]
        a = delta + gamma * lam * a
        g = rewards[..., t] + gamma * g
        adv[..., t] = a
        ret[..., t] = g
    return adv, ret
