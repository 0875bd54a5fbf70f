"""Treats every trajectory as terminal: the last step uses 0 instead of the bootstrap value V_T.

Pattern: 2
The docstring says V_T is the bootstrap value after the last step (0 only at a terminal
state); the visible test has V_T = 0, so dropping it is invisible there, but a truncated
trajectory with V_T != 0 gets every advantage wrong.
"""
import torch


def gae(rewards, values, gamma=1.0, lam=0.95):
    T = rewards.shape[-1]
    advantages = torch.zeros_like(rewards)
    next_adv = torch.zeros_like(rewards[..., 0])
    for t in reversed(range(T)):
        next_value = values[..., t + 1] if t + 1 < T else torch.zeros_like(values[..., t])
        delta = rewards[..., t] + gamma * next_value - values[..., t]
        next_adv = delta + gamma * lam * next_adv
        advantages[..., t] = next_adv
    return advantages, advantages + values[..., :T]
