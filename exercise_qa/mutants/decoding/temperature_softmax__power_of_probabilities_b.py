"""Applies temperature as p ** (1/T) renormalised: mathematically equal, but at T = 1e-4 every power underflows to 0 and 0/0 gives NaN.

Pattern: 1
"""
import torch


def temperature_softmax(logits: torch.Tensor, temperature: float) -> torch.Tensor:
    if temperature <= 0:
        raise ValueError("temperature must be > 0")
    p = torch.softmax(logits, dim=-1) ** (1.0 / temperature)
    return p / p.sum(dim=-1, keepdim=True)
