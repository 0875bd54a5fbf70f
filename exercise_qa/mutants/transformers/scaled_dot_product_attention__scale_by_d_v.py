"""Scales the scores by sqrt(v.size(-1)) instead of sqrt(d_k): right only when d_v == d_k.
Pattern: 4

The candidate grabbed the last dimension of the wrong tensor. The visible test has d_v == d_k,
so it matches torch; the hidden test with d_v != d_k does not.
"""
import math

import torch


def scaled_dot_product_attention(q, k, v, mask=None):
    scale = 1.0 / math.sqrt(v.size(-1))
    scores = (q @ k.transpose(-2, -1)) * scale
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    weights = torch.softmax(scores, dim=-1)
    weights = torch.nan_to_num(weights, nan=0.0)
    out = weights @ v
    return out, weights
