"""Temperature divides the probabilities (then renormalises) instead of the logits, so it has no effect."""
import torch


def temperature_softmax(logits, temperature):
    if not temperature > 0:
        raise ValueError("temperature must be > 0")
    probs = torch.softmax(logits, dim=-1) / temperature
    return probs / probs.sum(dim=-1, keepdim=True)
