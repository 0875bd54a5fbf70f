"""eps added after the square root, (x - mu) / (sigma + eps) and x / (rms + eps), instead of inside it.
Pattern: 3

For unit-variance rows the difference is about eps/2 relative (~5e-6), well inside the tolerance;
it only shows for tiny variances or tiny inputs, where eps dominates.
"""
import torch


def layer_norm(x: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor, eps: float = 1e-5) -> torch.Tensor:
    mean = x.mean(dim=-1, keepdim=True)
    centered = x - mean
    std = centered.pow(2).mean(dim=-1, keepdim=True).sqrt()
    return centered / (std + eps) * weight + bias


def rms_norm(x: torch.Tensor, weight: torch.Tensor, eps: float = 1e-6) -> torch.Tensor:
    rms = x.pow(2).mean(dim=-1, keepdim=True).sqrt()
    return x / (rms + eps) * weight
