"""Ignores the device argument and builds the mask on the notebook's global DEVICE.
Pattern: 4

Values, shape and dtype are right; the mask lands on DEVICE no matter what the caller asked for,
so causal_mask(4, device="cpu") on a CUDA machine returns a CUDA tensor (and the function fails
outright if the global is renamed). Indistinguishable on a CPU-only grader.
"""
import torch


def causal_mask(t_q: int, t_k: int | None = None, device=None) -> torch.Tensor:
    if t_k is None:
        t_k = t_q
    i = torch.arange(t_q, device=DEVICE)[:, None]
    j = torch.arange(t_k, device=DEVICE)[None, :]
    return j <= i + (t_k - t_q)
