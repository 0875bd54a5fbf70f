"""nDCG discounting by log2(rank) with the first rank undiscounted, instead of log2(rank + 1)."""
import math


def ndcg_at_k(ranked, gains, k):
    def dcg(values):
        return sum(g if rank == 1 else g / math.log2(rank) for rank, g in enumerate(values, start=1))
    ideal = dcg(sorted(gains.values(), reverse=True)[:k])
    return dcg([gains.get(d, 0.0) for d in ranked[:k]]) / ideal if ideal > 0 else 0.0
