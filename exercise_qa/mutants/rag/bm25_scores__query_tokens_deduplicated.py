"""Query tokens deduplicated with set(query): a repeated query token counts once instead of each time.

Pattern: 2
Iterating over set(query) "to avoid double counting" contradicts the stated rule (repeats count
each time, as Lucene does for a repeated term).
"""
import math
from collections import Counter

import numpy as np


def bm25_scores(query: list[str], docs: list[list[str]], k1: float = 1.5, b: float = 0.75) -> np.ndarray:
    n_docs = len(docs)
    lengths = np.array([len(d) for d in docs], dtype=np.float64)
    avgdl = lengths.mean()
    scores = np.zeros(n_docs, dtype=np.float64)
    if avgdl == 0:
        return scores
    counts = [Counter(d) for d in docs]
    df = Counter(t for d in docs for t in set(d))
    for t in set(query):
        if df[t] == 0:
            continue
        idf = math.log(1 + (n_docs - df[t] + 0.5) / (df[t] + 0.5))
        for i, c in enumerate(counts):
            f = c[t]
            scores[i] += idf * f * (k1 + 1) / (f + k1 * (1 - b + b * lengths[i] / avgdl))
    return scores
