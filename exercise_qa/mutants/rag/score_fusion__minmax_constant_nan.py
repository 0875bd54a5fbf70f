"""Min-max without the constant-scores guard: (s - min) / 0 gives NaN for a constant list instead of all zeros.

Pattern: 1
A single retrieved document, or a query whose every BM25 score is 0, is a constant list; the NaN
then poisons alpha_fusion too. (z-score keeps its guard.)
"""
from collections import defaultdict

import numpy as np


def minmax_normalize(scores) -> np.ndarray:
    s = np.asarray(scores, dtype=np.float64)
    with np.errstate(invalid="ignore", divide="ignore"):
        return (s - s.min()) / (s.max() - s.min())


def zscore_normalize(scores) -> np.ndarray:
    s = np.asarray(scores, dtype=np.float64)
    std = s.std()
    if std == 0:
        return np.zeros_like(s)
    return (s - s.mean()) / std


def alpha_fusion(sparse_scores, dense_scores, alpha: float) -> np.ndarray:
    return alpha * minmax_normalize(dense_scores) + (1 - alpha) * minmax_normalize(sparse_scores)


def rrf_fusion(rankings: list[list[int]], k: int = 60) -> list[tuple[int, float]]:
    scores = defaultdict(float)
    for ranking in rankings:
        for rank, doc in enumerate(ranking, start=1):
            scores[doc] += 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))
