"""Temperature is believed to range from 0 to 1 (erratum B13), so T > 1 is rejected."""
import torch


def temperature_softmax(logits, temperature):
    if not 0 < temperature <= 1:
        raise ValueError("temperature must be in (0, 1]")
    return torch.softmax(logits / temperature, dim=-1)
