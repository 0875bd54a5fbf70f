"""The total NLL is divided by the number of real tokens (attention_mask.sum()) instead of the number of scored targets.

Pattern: 1
"""
import math


def perplexity(logits, input_ids, attention_mask):
    n_real = int(attention_mask.sum())
    if n_real == 0:
        raise ValueError("nothing scored")
    total = float(token_nll(logits, input_ids, attention_mask).double().sum())
    try:
        return math.exp(total / n_real)
    except OverflowError:
        return math.inf
