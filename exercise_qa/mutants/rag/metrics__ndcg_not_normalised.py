"""nDCG without the ideal normalisation: returns the raw DCG@k."""
import math


def ndcg_at_k(ranked, gains, k):
    return sum(gains.get(d, 0.0) / math.log2(rank + 1) for rank, d in enumerate(ranked[:k], start=1))
