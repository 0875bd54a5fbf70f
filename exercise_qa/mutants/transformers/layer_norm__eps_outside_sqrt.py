"""Adds eps to the standard deviation instead of to the variance under the square root."""
import torch


def layer_norm(x, weight, bias, eps=1e-5):
    centred = x - x.mean(dim=-1, keepdim=True)
    std = centred.pow(2).mean(dim=-1, keepdim=True).sqrt()
    return centred / (std + eps) * weight + bias
