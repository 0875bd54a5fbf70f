"""Centres the rewards in place with sub_ to save memory: the caller's reward tensor is modified.

Pattern: 2
"""
import torch


def grpo_advantages(rewards: torch.Tensor, eps: float = 1e-4) -> torch.Tensor:
    std = rewards.std(dim=-1, keepdim=True)
    rewards.sub_(rewards.mean(dim=-1, keepdim=True))
    return rewards / (std + eps)
