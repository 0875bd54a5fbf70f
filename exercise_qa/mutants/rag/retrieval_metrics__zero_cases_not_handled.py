"""Degenerate cases unguarded: nDCG with all gains 0 divides 0 by 0, and reciprocal_rank/hit_rate return int 0/1, not floats.

Pattern: 1
The formulas are right for any query with at least one relevant doc; an all-zero gain dict raises
ZeroDivisionError instead of returning 0.0, and the ints break the "returns a float" contract.
"""
import math


def precision_at_k(ranked: list[int], relevant: set[int], k: int) -> float:
    return sum(1 for d in ranked[:k] if d in relevant) / k


def recall_at_k(ranked: list[int], relevant: set[int], k: int) -> float:
    if not relevant:
        return 0.0
    return sum(1 for d in ranked[:k] if d in relevant) / len(relevant)


def hit_rate_at_k(ranked: list[int], relevant: set[int], k: int) -> float:
    return int(any(d in relevant for d in ranked[:k]))


def reciprocal_rank(ranked: list[int], relevant: set[int]) -> float:
    for rank, d in enumerate(ranked, start=1):
        if d in relevant:
            return 1.0 / rank
    return 0


def average_precision(ranked: list[int], relevant: set[int]) -> float:
    if not relevant:
        return 0.0
    hits, total = 0, 0.0
    for i, d in enumerate(ranked, start=1):
        if d in relevant:
            hits += 1
            total += hits / i
    return total / len(relevant)


def ndcg_at_k(ranked: list[int], gains: dict[int, float], k: int) -> float:
    dcg = sum(gains.get(d, 0.0) / math.log2(i + 1) for i, d in enumerate(ranked[:k], start=1))
    ideal = sorted(gains.values(), reverse=True)[:k]
    idcg = sum(g / math.log2(i + 1) for i, g in enumerate(ideal, start=1))
    return dcg / idcg
