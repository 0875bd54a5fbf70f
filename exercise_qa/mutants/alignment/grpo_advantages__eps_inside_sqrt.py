"""Puts epsilon inside the square root, sqrt(var + eps), instead of adding it to the std: a small relative error that only a tight tolerance notices.

Pattern: 3
"""
import torch


def grpo_advantages(rewards: torch.Tensor, eps: float = 1e-4) -> torch.Tensor:
    mean = rewards.mean(dim=-1, keepdim=True)
    var = rewards.var(dim=-1, keepdim=True)
    return (rewards - mean) / torch.sqrt(var + eps)
