"""Classic Robertson-Sparck Jones IDF log((N - n + .5)/(n + .5)) clamped at 0, instead of Lucene's log(1 + ...).

Pattern: 2
The textbook formula goes negative for terms in more than half the documents, so the candidate
clamps it at zero; a term found in every document then contributes nothing, whereas the stated
Lucene IDF keeps it positive.
"""
import math
from collections import Counter

import numpy as np


def bm25_scores(query: list[str], docs: list[list[str]], k1: float = 1.5, b: float = 0.75) -> np.ndarray:
    N = len(docs)
    dl = np.array([len(d) for d in docs], dtype=np.float64)
    avgdl = dl.mean()
    scores = np.zeros(N, dtype=np.float64)
    if avgdl == 0:
        return scores
    tfs = [Counter(d) for d in docs]
    df = Counter(t for d in docs for t in set(d))
    for t in query:
        n_t = df.get(t, 0)
        if n_t == 0:
            continue
        idf = max(0.0, math.log((N - n_t + 0.5) / (n_t + 0.5)))
        for i, tf in enumerate(tfs):
            f = tf.get(t, 0)
            scores[i] += idf * f * (k1 + 1) / (f + k1 * (1 - b + b * dl[i] / avgdl))
    return scores
