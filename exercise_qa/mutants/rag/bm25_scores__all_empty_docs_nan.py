"""No guard for avgdl = 0: when every document is empty, |d| / avgdl is 0/0 and the scores are NaN, not 0.

Pattern: 1
"""
import math
from collections import Counter

import numpy as np


def bm25_scores(query: list[str], docs: list[list[str]], k1: float = 1.5, b: float = 0.75) -> np.ndarray:
    N = len(docs)
    dl = np.array([len(d) for d in docs], dtype=np.float64)
    avgdl = dl.mean()
    tf = [Counter(d) for d in docs]
    scores = np.zeros(N)
    for t in query:
        n_t = sum(1 for c in tf if t in c)
        idf = math.log(1 + (N - n_t + 0.5) / (n_t + 0.5))
        f = np.array([c[t] for c in tf], dtype=np.float64)
        with np.errstate(divide="ignore", invalid="ignore"):
            scores += idf * f * (k1 + 1) / (f + k1 * (1 - b + b * dl / avgdl))
    return scores
