"""masked_fill(-inf) then softmax: a query whose mask allows no key gets NaN weights and a NaN output instead of zeros.
Pattern: 1

Stable (torch.softmax subtracts the max), exact zeros on masked keys, right dtypes; only the
all-masked row (padding query) breaks.
"""
import math

import torch


def scaled_dot_product_attention(q, k, v, mask=None):
    d_k = q.size(-1)
    scores = q @ k.transpose(-2, -1) / math.sqrt(d_k)
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    weights = torch.softmax(scores, dim=-1)
    out = weights @ v
    return out, weights
