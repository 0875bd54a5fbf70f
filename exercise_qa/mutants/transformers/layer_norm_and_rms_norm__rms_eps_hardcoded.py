"""rms_norm hard-codes eps = 1e-6 (Llama's value) instead of using its eps argument.
Pattern: 4

Right whenever the caller uses the default, as the visible test does; any other eps (for example
nn.RMSNorm's own default, or 1e-5) on small inputs gives a different result.
"""
import torch


def layer_norm(x: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor, eps: float = 1e-5) -> torch.Tensor:
    mean = x.mean(dim=-1, keepdim=True)
    centered = x - mean
    var = centered.pow(2).mean(dim=-1, keepdim=True)
    return centered * torch.rsqrt(var + eps) * weight + bias


def rms_norm(x: torch.Tensor, weight: torch.Tensor, eps: float = 1e-6) -> torch.Tensor:
    return x * torch.rsqrt(x.pow(2).mean(dim=-1, keepdim=True) + 1e-6) * weight
