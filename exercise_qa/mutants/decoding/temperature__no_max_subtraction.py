"""Softmax written as exp(z / T) / sum without subtracting the max: overflows to NaN at small T."""
import torch


def temperature_softmax(logits, temperature):
    if not temperature > 0:
        raise ValueError("temperature must be > 0")
    e = torch.exp(logits / temperature)
    return e / e.sum(dim=-1, keepdim=True)
