"""Standardises the rewards over the whole batch instead of within each group: identical for a single prompt, wrong for P > 1.

Pattern: 5
"""
import torch


def grpo_advantages(rewards: torch.Tensor, eps: float = 1e-4) -> torch.Tensor:
    return (rewards - rewards.mean()) / (rewards.std() + eps)
