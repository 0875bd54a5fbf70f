"""Mixes raw BM25 and cosine scores without normalising them first."""
import numpy as np


def alpha_fusion(sparse_scores, dense_scores, alpha):
    return alpha * np.asarray(dense_scores, dtype=np.float64) + (1.0 - alpha) * np.asarray(sparse_scores, dtype=np.float64)
