"""Hand-written softmax without subtracting the row max: exp overflows to inf and the weights become NaN for scores in the hundreds.
Pattern: 1

Masking is done by multiplying exp(scores) by the mask and fully masked rows are guarded, so
every mask test on unit-scale inputs passes; only large logits expose it.
"""
import math

import torch


def scaled_dot_product_attention(q, k, v, mask=None):
    d_k = q.size(-1)
    scores = q @ k.transpose(-2, -1) / math.sqrt(d_k)
    e = torch.exp(scores)
    if mask is not None:
        e = e * mask.to(e.dtype)
    denom = e.sum(dim=-1, keepdim=True)
    weights = torch.where(denom > 0, e / denom.clamp_min(torch.finfo(e.dtype).tiny), torch.zeros_like(e))
    out = weights @ v
    return out, weights
