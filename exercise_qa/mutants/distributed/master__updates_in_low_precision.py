"""Keeps an fp32 master copy but adds each update to the 16-bit weight and copies it back: the update is still lost."""
import torch


def apply_updates(w0, delta, n_steps, dtype, fp32_master):
    w = torch.tensor(w0, dtype=dtype)
    for _ in range(n_steps):
        w = (w + delta).to(dtype)
    return float(w)
