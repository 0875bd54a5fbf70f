"""Decays the advantage recursion by lambda only (A_t = delta_t + lam * A_{t+1}), forgetting gamma.

Pattern: 4
Only right when gamma = 1 (the visible test and the LLM default); with gamma = 0.99 the
advantages are too large.
"""
import torch


def gae(rewards, values, gamma=1.0, lam=0.95):
    deltas = rewards + gamma * values[..., 1:] - values[..., :-1]
    advantages = torch.zeros_like(rewards)
    running = torch.zeros_like(rewards[..., 0])
    for t in reversed(range(rewards.shape[-1])):
        running = deltas[..., t] + lam * running
        advantages[..., t] = running
    return advantages, advantages + values[..., :-1]
