"""layer_norm centres its input with x -= mean, modifying the caller's tensor in place.
Pattern: 2

The returned LayerNorm is exact, and since LayerNorm is shift-invariant even the visible test
(which evaluates layer_norm(x) before F.layer_norm(x)) passes; but the caller's x is now
mean-centred, which breaks any later use of it (and autograd on leaf tensors).
"""
import torch


def layer_norm(x: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor, eps: float = 1e-5) -> torch.Tensor:
    x -= x.mean(dim=-1, keepdim=True)
    var = x.pow(2).mean(dim=-1, keepdim=True)
    return x * torch.rsqrt(var + eps) * weight + bias


def rms_norm(x: torch.Tensor, weight: torch.Tensor, eps: float = 1e-6) -> torch.Tensor:
    return x * torch.rsqrt(x.pow(2).mean(dim=-1, keepdim=True) + eps) * weight
