"""z-score divides by std + 1e-8 "to avoid division by zero": off by a relative 1e-8/std, large when the spread is tiny.

Pattern: 3
For scores of spread ~1 the error (1e-8) hides below the tolerance; for scores whose std is
around 1e-4 (cosine similarities of near-duplicates) it is a 1e-4 relative error. The stated rule
is an explicit all-zeros case, not an epsilon.
"""
from collections import defaultdict

import numpy as np


def minmax_normalize(scores) -> np.ndarray:
    s = np.asarray(scores, dtype=np.float64)
    rng = s.max() - s.min()
    return np.zeros_like(s) if rng == 0 else (s - s.min()) / rng


def zscore_normalize(scores) -> np.ndarray:
    s = np.asarray(scores, dtype=np.float64)
    return (s - s.mean()) / (s.std() + 1e-8)


def alpha_fusion(sparse_scores, dense_scores, alpha: float) -> np.ndarray:
    return alpha * minmax_normalize(dense_scores) + (1 - alpha) * minmax_normalize(sparse_scores)


def rrf_fusion(rankings: list[list[int]], k: int = 60) -> list[tuple[int, float]]:
    scores = {}
    for ranking in rankings:
        for rank, doc in enumerate(ranking, start=1):
            scores[doc] = scores.get(doc, 0.0) + 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))
