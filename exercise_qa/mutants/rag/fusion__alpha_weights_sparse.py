"""Applies alpha to the sparse (BM25) side: the opposite of the course's convention (alpha = 1 is dense only)."""


def alpha_fusion(sparse_scores, dense_scores, alpha):
    return alpha * minmax_normalize(sparse_scores) + (1.0 - alpha) * minmax_normalize(dense_scores)
