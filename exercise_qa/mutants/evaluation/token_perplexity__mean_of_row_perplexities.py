"""Perplexity is the mean of the rows' perplexities (and all-padding rows are skipped), not exp of the token-weighted mean NLL.

Pattern: 2
"""
import math


def perplexity(logits, input_ids, attention_mask):
    real = attention_mask.bool()
    counts = (real[:, :-1] & real[:, 1:]).sum(dim=1)
    if int(counts.sum()) == 0:
        raise ValueError("nothing scored")
    sums = token_nll(logits, input_ids, attention_mask).double().sum(dim=1)
    values = [math.exp(float(s) / int(c)) for s, c in zip(sums, counts) if int(c) > 0]
    return sum(values) / len(values)
