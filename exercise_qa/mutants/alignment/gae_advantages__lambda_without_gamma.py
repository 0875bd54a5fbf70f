"""Recursion A_t = delta_t + lam * A_{t+1}, forgetting the discount gamma in the trace: correct only when gamma = 1.

Pattern: 4
"""
import torch


def gae(rewards, values, gamma: float = 1.0, lam: float = 0.95):
    T = rewards.shape[-1]
    deltas = rewards + gamma * values[..., 1:] - values[..., :-1]
    adv = torch.zeros_like(rewards)
    running = torch.zeros_like(rewards[..., 0])
    for t in range(T - 1, -1, -1):
        running = deltas[..., t] + lam * running
        adv[..., t] = running
    return adv, adv + values[..., :-1]
