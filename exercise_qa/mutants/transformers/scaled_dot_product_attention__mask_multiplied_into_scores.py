"""Applies the mask by multiplying the scores by it (scores * mask): masked keys get score 0, not -inf, so they keep a non-zero weight.
Pattern: 2

"Masked weights are exactly 0" and "a fully masked row is all zero" are both violated (a fully
masked row becomes uniform). Unmasked calls are exact.
"""
import math

import torch


def scaled_dot_product_attention(q, k, v, mask=None):
    d_k = q.size(-1)
    scores = q @ k.transpose(-2, -1) / math.sqrt(d_k)
    if mask is not None:
        scores = scores * mask
    weights = torch.softmax(scores, dim=-1)
    out = weights @ v
    return out, weights
