"""No ValueError for temperature <= 0: T = 0 silently divides by zero (inf/NaN) and negative T inverts the distribution.

Pattern: 2
"""
import torch


def temperature_softmax(logits: torch.Tensor, temperature: float) -> torch.Tensor:
    return torch.softmax(logits / temperature, dim=-1)
