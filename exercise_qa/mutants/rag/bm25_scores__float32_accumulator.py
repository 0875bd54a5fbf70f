"""Scores accumulated in a float32 array: about 1e-7 relative error, and the documented dtype is float64.

Pattern: 3
np.zeros(N, dtype=np.float32) "to save memory". Each score is right to ~7 digits, which a loose
tolerance accepts; the float64 contract and a tight comparison do not.
"""
import math
from collections import Counter

import numpy as np


def bm25_scores(query: list[str], docs: list[list[str]], k1: float = 1.5, b: float = 0.75) -> np.ndarray:
    N = len(docs)
    dl = [len(d) for d in docs]
    avgdl = sum(dl) / N
    scores = np.zeros(N, dtype=np.float32)
    if avgdl == 0:
        return scores
    tfs = [Counter(d) for d in docs]
    for t in query:
        n_t = sum(t in tf for tf in tfs)
        if n_t == 0:
            continue
        idf = math.log(1 + (N - n_t + 0.5) / (n_t + 0.5))
        for i, tf in enumerate(tfs):
            f = tf[t]
            if f:
                scores[i] += idf * f * (k1 + 1) / (f + k1 * (1 - b + b * dl[i] / avgdl))
    return scores
