"""Softmax of logits / T computed as exp / sum without subtracting the row max: at T = 1e-4 the scaled logits overflow exp and the result is NaN.

Pattern: 1
"""
import torch


def temperature_softmax(logits: torch.Tensor, temperature: float) -> torch.Tensor:
    if temperature <= 0:
        raise ValueError(f"temperature must be > 0, got {temperature}")
    e = torch.exp(logits / temperature)
    return e / e.sum(dim=-1, keepdim=True)
