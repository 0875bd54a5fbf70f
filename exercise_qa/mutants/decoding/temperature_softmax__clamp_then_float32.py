"""Replaces -inf by a large negative number and computes in float32: -inf entries get a tiny nonzero probability at large T, and float64 inputs come back as float32.

Pattern: 3
"""
import torch


def temperature_softmax(logits: torch.Tensor, temperature: float) -> torch.Tensor:
    if temperature <= 0:
        raise ValueError("temperature must be > 0")
    z = logits.float().clamp(min=-1e4) / temperature
    return torch.softmax(z, dim=-1)
