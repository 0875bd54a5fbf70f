"""Indexes time on the first axis (rewards[t], values[t + 1]), so leading batch dimensions are treated as time.

Pattern: 1
Correct for one 1-D trajectory (the visible test); a (B, T) batch loops over rows instead of
time steps and returns wrong values or a shape error.
"""
import torch


def gae(rewards, values, gamma=1.0, lam=0.95):
    T = len(rewards)
    advantages = torch.zeros_like(rewards)
    next_adv = 0.0
    for t in reversed(range(T)):
        delta = rewards[t] + gamma * values[t + 1] - values[t]
        next_adv = delta + gamma * lam * next_adv
        advantages[t] = next_adv
    return advantages, advantages + values[:T]
