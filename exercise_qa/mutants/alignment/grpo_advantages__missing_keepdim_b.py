"""Computes the group mean and std without keepdim=True, so (P, G) - (P,) broadcasts along the wrong axis.

Pattern: 1
With P = 1 the (1,) statistics broadcast correctly (visible test); with P != G it raises a
shape error, and with P == G it silently subtracts prompt j's mean from column j.
"""
import torch


def grpo_advantages(rewards: torch.Tensor, eps: float = 1e-4) -> torch.Tensor:
    mean = rewards.mean(dim=1)
    std = rewards.std(dim=1)
    return (rewards - mean) / (std + eps)
