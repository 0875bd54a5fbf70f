"""Centres x before normalising: that is LayerNorm without a bias, not RMSNorm."""
import torch


def rms_norm(x, weight, eps=1e-6):
    centred = x - x.mean(dim=-1, keepdim=True)
    return centred * torch.rsqrt(centred.pow(2).mean(dim=-1, keepdim=True) + eps) * weight
