"""Arrays built with np.asarray(scores) keep the input dtype: integer or float32 scores give int64 / float32 results, not float64.

Pattern: 2
For a constant integer list, np.zeros_like gives an int64 array; for float32 cosines from faiss
the normalised scores stay float32. The documented return is a float64 array.
"""
from collections import defaultdict

import numpy as np


def minmax_normalize(scores) -> np.ndarray:
    s = np.asarray(scores)
    lo, hi = s.min(), s.max()
    if hi == lo:
        return np.zeros_like(s)
    return ((s - lo) / (hi - lo)).astype(s.dtype if s.dtype.kind == "f" else np.float64)


def zscore_normalize(scores) -> np.ndarray:
    s = np.asarray(scores)
    sd = s.std()
    if sd == 0:
        return np.zeros_like(s)
    return ((s - s.mean()) / sd).astype(s.dtype if s.dtype.kind == "f" else np.float64)


def alpha_fusion(sparse_scores, dense_scores, alpha: float) -> np.ndarray:
    return alpha * minmax_normalize(dense_scores) + (1 - alpha) * minmax_normalize(sparse_scores)


def rrf_fusion(rankings: list[list[int]], k: int = 60) -> list[tuple[int, float]]:
    scores = defaultdict(float)
    for ranking in rankings:
        for rank, doc in enumerate(ranking, start=1):
            scores[doc] += 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))
