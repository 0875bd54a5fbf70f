"""Standardises the rewards over the whole (P, G) batch instead of within each prompt's group.

Pattern: 4
With a single prompt (the visible test) the batch is the group; with several prompts an easy
prompt's responses all get positive advantages and a hard prompt's all negative.
"""
import torch


def grpo_advantages(rewards: torch.Tensor, eps: float = 1e-4) -> torch.Tensor:
    return (rewards - rewards.mean()) / (rewards.std() + eps)
