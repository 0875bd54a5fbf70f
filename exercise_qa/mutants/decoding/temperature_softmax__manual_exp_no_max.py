"""Hand-written softmax exp(z/T) / sum exp(z/T) without subtracting the row max: at T = 1e-4 the exponentials overflow to inf and the row becomes NaN.

Pattern: 1
"""
import torch


def temperature_softmax(logits: torch.Tensor, temperature: float) -> torch.Tensor:
    if temperature <= 0:
        raise ValueError("temperature must be > 0")
    e = torch.exp(logits / temperature)
    return e / e.sum(dim=-1, keepdim=True)
