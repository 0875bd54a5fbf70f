"""Validates the temperature with 'temperature < 0' only: T = 0 slips through and divides by zero (NaN/inf) instead of raising ValueError.

Pattern: 2
"""
import torch


def temperature_softmax(logits: torch.Tensor, temperature: float) -> torch.Tensor:
    if temperature < 0:
        raise ValueError("temperature must be positive")
    return torch.softmax(logits / temperature, dim=-1)
