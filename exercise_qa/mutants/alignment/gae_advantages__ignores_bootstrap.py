"""Treats every trajectory as terminal: uses 0 for V_{t+1} at the last step instead of the bootstrap value V_T.

Pattern: 1
"""
import torch


def gae(rewards, values, gamma: float = 1.0, lam: float = 0.95):
    T = rewards.shape[-1]
    adv = torch.zeros_like(rewards)
    last = torch.zeros_like(rewards[..., 0])
    for t in reversed(range(T)):
        next_v = values[..., t + 1] if t < T - 1 else torch.zeros_like(values[..., t])
        delta = rewards[..., t] + gamma * next_v - values[..., t]
        last = delta + gamma * lam * last
        adv[..., t] = last
    return adv, adv + values[..., :T]
