"""Centres and scales the rewards in place (rewards -= mean; rewards /= ...), overwriting the caller's tensor.

Pattern: 2
The returned advantages are right (visible test), but the input rewards now hold the
advantages, so logging the mean reward afterwards, or calling twice, gives wrong numbers.
"""
import torch


def grpo_advantages(rewards: torch.Tensor, eps: float = 1e-4) -> torch.Tensor:
    std = rewards.std(dim=-1, keepdim=True)
    rewards -= rewards.mean(dim=-1, keepdim=True)
    rewards /= std + eps
    return rewards
