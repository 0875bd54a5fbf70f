"""RRF sorted by score only (stable sort): tied documents keep their first-appearance order, not the smaller doc id.

Pattern: 4
`sorted(scores.items(), key=lambda kv: kv[1], reverse=True)`. It looks right whenever the tied
ids happen to appear in increasing order (as in the visible example, 7 before 9).
"""
from collections import defaultdict

import numpy as np


def minmax_normalize(scores) -> np.ndarray:
    s = np.asarray(scores, dtype=np.float64)
    lo, hi = s.min(), s.max()
    if hi == lo:
        return np.zeros_like(s)
    return (s - lo) / (hi - lo)


def zscore_normalize(scores) -> np.ndarray:
    s = np.asarray(scores, dtype=np.float64)
    sd = s.std()
    if sd == 0:
        return np.zeros_like(s)
    return (s - s.mean()) / sd


def alpha_fusion(sparse_scores, dense_scores, alpha: float) -> np.ndarray:
    return alpha * minmax_normalize(dense_scores) + (1 - alpha) * minmax_normalize(sparse_scores)


def rrf_fusion(rankings: list[list[int]], k: int = 60) -> list[tuple[int, float]]:
    scores = defaultdict(float)
    for ranking in rankings:
        for rank, doc in enumerate(ranking, start=1):
            scores[doc] += 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
