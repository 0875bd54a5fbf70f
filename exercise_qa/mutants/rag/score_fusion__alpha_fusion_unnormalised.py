"""alpha_fusion mixes the RAW scores, alpha * dense + (1 - alpha) * sparse, without min-max normalising them.

Pattern: 2
Right convention for alpha, and right at alpha = 1 when the dense scores already lie in [0, 1]
(the visible example); at any other alpha the unbounded BM25 scores swamp the cosines.
"""
from collections import defaultdict

import numpy as np


def minmax_normalize(scores) -> np.ndarray:
    s = np.asarray(scores, dtype=np.float64)
    lo, hi = s.min(), s.max()
    if hi == lo:
        return np.zeros(s.shape, dtype=np.float64)
    return (s - lo) / (hi - lo)


def zscore_normalize(scores) -> np.ndarray:
    s = np.asarray(scores, dtype=np.float64)
    sd = s.std()
    if sd == 0:
        return np.zeros(s.shape, dtype=np.float64)
    return (s - s.mean()) / sd


def alpha_fusion(sparse_scores, dense_scores, alpha: float) -> np.ndarray:
    dense = np.asarray(dense_scores, dtype=np.float64)
    sparse = np.asarray(sparse_scores, dtype=np.float64)
    return alpha * dense + (1 - alpha) * sparse


def rrf_fusion(rankings: list[list[int]], k: int = 60) -> list[tuple[int, float]]:
    scores = defaultdict(float)
    for ranking in rankings:
        for rank, doc in enumerate(ranking, start=1):
            scores[doc] += 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))
