"""LayerNorm variance as E[x^2] - E[x]^2 in float32: catastrophic cancellation for inputs with a large common offset (x + 1000), even negative variance and NaN.
Pattern: 1

Accurate for zero-mean unit-scale inputs (the visible test); with an offset of 1000, E[x^2] ~ 1e6
and float32 keeps only ~0.06 of absolute precision in it.
"""
import torch


def layer_norm(x: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor, eps: float = 1e-5) -> torch.Tensor:
    mean = x.mean(dim=-1, keepdim=True)
    mean_sq = (x * x).mean(dim=-1, keepdim=True)
    var = mean_sq - mean * mean
    return (x - mean) / torch.sqrt(var + eps) * weight + bias


def rms_norm(x: torch.Tensor, weight: torch.Tensor, eps: float = 1e-6) -> torch.Tensor:
    rms = torch.sqrt(x.pow(2).mean(dim=-1, keepdim=True) + eps)
    return x / rms * weight
