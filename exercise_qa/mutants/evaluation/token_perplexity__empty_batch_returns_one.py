"""A batch without any scored target returns perplexity 1.0 (exp of 0) instead of raising ValueError.

Pattern: 2
"""
import math


def perplexity(logits, input_ids, attention_mask):
    real = attention_mask.bool()
    n = int((real[:, :-1] & real[:, 1:]).sum())
    total = float(token_nll(logits, input_ids, attention_mask).double().sum())
    try:
        return math.exp(total / max(n, 1))
    except OverflowError:
        return math.inf
