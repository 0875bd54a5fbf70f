"""Believes temperature must lie in (0, 1] (the cheat-sheet rule): raises ValueError for T > 1, which the contract allows.

Pattern: 2
"""
import torch


def temperature_softmax(logits: torch.Tensor, temperature: float) -> torch.Tensor:
    if not (0 < temperature <= 1):
        raise ValueError(f"temperature must be in (0, 1], got {temperature}")
    return torch.softmax(logits / temperature, dim=-1)
