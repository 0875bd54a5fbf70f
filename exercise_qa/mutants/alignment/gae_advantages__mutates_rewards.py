"""Turns the rewards tensor into the TD errors in place (deltas = rewards; deltas += ...), overwriting the caller's rewards.

Pattern: 2
Both outputs are right (visible test), but afterwards the caller's rewards hold the deltas: a
second call, or logging the rewards, sees different numbers.
"""
import torch


def gae(rewards, values, gamma=1.0, lam=0.95):
    deltas = rewards
    deltas += gamma * values[..., 1:] - values[..., :-1]
    advantages = torch.zeros_like(deltas)
    running = torch.zeros_like(deltas[..., 0])
    for t in reversed(range(deltas.shape[-1])):
        running = deltas[..., t] + gamma * lam * running
        advantages[..., t] = running
    return advantages, advantages + values[..., :-1]
