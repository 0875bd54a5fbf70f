"""AP divided by the number of relevant docs RETRIEVED instead of |relevant|: relevant docs never retrieved are ignored.

Pattern: 2
Matches whenever every relevant doc appears in the ranking (the visible case); a system that
retrieves one of three relevant docs at rank 1 gets AP = 1.0 instead of 1/3.
"""
import math


def precision_at_k(ranked: list[int], relevant: set[int], k: int) -> float:
    return sum(1 for d in ranked[:k] if d in relevant) / k


def recall_at_k(ranked: list[int], relevant: set[int], k: int) -> float:
    if not relevant:
        return 0.0
    return sum(1 for d in ranked[:k] if d in relevant) / len(relevant)


def hit_rate_at_k(ranked: list[int], relevant: set[int], k: int) -> float:
    return 1.0 if any(d in relevant for d in ranked[:k]) else 0.0


def reciprocal_rank(ranked: list[int], relevant: set[int]) -> float:
    for rank, d in enumerate(ranked, start=1):
        if d in relevant:
            return 1.0 / rank
    return 0.0


def average_precision(ranked: list[int], relevant: set[int]) -> float:
    if not relevant:
        return 0.0
    hits, total = 0, 0.0
    for i, d in enumerate(ranked, start=1):
        if d in relevant:
            hits += 1
            total += hits / i
    return total / hits if hits else 0.0


def ndcg_at_k(ranked: list[int], gains: dict[int, float], k: int) -> float:
    dcg = sum(gains.get(d, 0.0) / math.log2(i + 1) for i, d in enumerate(ranked[:k], start=1))
    ideal = sorted(gains.values(), reverse=True)[:k]
    idcg = sum(g / math.log2(i + 1) for i, g in enumerate(ideal, start=1))
    return float(dcg / idcg) if idcg > 0 else 0.0
