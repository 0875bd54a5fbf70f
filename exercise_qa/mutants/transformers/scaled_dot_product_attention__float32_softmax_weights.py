"""Softmax forced to float32 "for stability": float64 inputs come back with float32 weights and a float32-rounded output.
Pattern: 2

A mixed-precision habit (softmax(..., dtype=torch.float32)); the weights are only cast back for
the matmul, so the returned weights have the wrong dtype and lose precision for float64 inputs.
Correct for float32, masks and fully masked rows included.
"""
import math

import torch


def scaled_dot_product_attention(q, k, v, mask=None):
    d_k = q.size(-1)
    scores = q @ k.transpose(-2, -1) / math.sqrt(d_k)
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    weights = torch.softmax(scores, dim=-1, dtype=torch.float32)
    weights = torch.nan_to_num(weights, nan=0.0)
    out = weights.to(v.dtype) @ v
    return out, weights
