"""Group mean and std taken with dim=1 but without keepdim: the (P,) statistics broadcast along the wrong axis, right only when P == 1.

Pattern: 1
"""
import torch


def grpo_advantages(rewards: torch.Tensor, eps: float = 1e-4) -> torch.Tensor:
    mean = rewards.mean(dim=1)
    std = rewards.std(dim=1)
    return (rewards - mean) / (std + eps)
