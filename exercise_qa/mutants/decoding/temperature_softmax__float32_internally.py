"""Computes in float32 (logits.float()) and never casts back: float64 inputs come back as float32, breaking "same dtype".

Pattern: 2
"""
import torch


def temperature_softmax(logits: torch.Tensor, temperature: float) -> torch.Tensor:
    if temperature <= 0:
        raise ValueError(f"temperature must be > 0, got {temperature}")
    z = logits.float() / temperature
    z = z - z.max(dim=-1, keepdim=True).values
    e = z.exp()
    return e / e.sum(dim=-1, keepdim=True)
