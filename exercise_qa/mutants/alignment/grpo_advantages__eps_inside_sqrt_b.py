"""Puts epsilon under the square root, (r - mean) / sqrt(var + eps), instead of adding it to the standard deviation.

Pattern: 3
For 0/1 rewards the two denominators differ by ~1e-4 * 0.9, which stays inside atol=1e-5,
rtol=1e-4 (visible test); for groups with small spread (std ~ 0.01) the advantages are off by
tens of percent.
"""
import torch


def grpo_advantages(rewards: torch.Tensor, eps: float = 1e-4) -> torch.Tensor:
    mean = rewards.mean(dim=-1, keepdim=True)
    var = rewards.var(dim=-1, keepdim=True)
    return (rewards - mean) / torch.sqrt(var + eps)
