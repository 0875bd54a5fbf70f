"""Forgets the document-length normalisation: the denominator is f + k1, as if b were 0."""
import math
from collections import Counter

import numpy as np


def bm25_scores(query, docs, k1=1.5, b=0.75):
    n_docs = len(docs)
    scores = np.zeros(n_docs)
    if sum(len(d) for d in docs) == 0:
        return scores
    counts = [Counter(d) for d in docs]
    for t in query:
        n_t = sum(1 for c in counts if t in c)
        if n_t == 0:
            continue
        idf = math.log(1 + (n_docs - n_t + 0.5) / (n_t + 0.5))
        for i, c in enumerate(counts):
            f = c[t]
            scores[i] += idf * f * (k1 + 1) / (f + k1)
    return scores
