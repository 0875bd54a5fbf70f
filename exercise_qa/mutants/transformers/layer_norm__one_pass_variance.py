"""Computes the variance as E[x^2] - E[x]^2, which cancels catastrophically in float32 for x + 1000."""
import torch


def layer_norm(x, weight, bias, eps=1e-5):
    mean = x.mean(dim=-1, keepdim=True)
    variance = (x * x).mean(dim=-1, keepdim=True) - mean * mean
    return (x - mean) / torch.sqrt(variance.clamp_min(0) + eps) * weight + bias
