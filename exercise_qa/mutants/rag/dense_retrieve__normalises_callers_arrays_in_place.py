"""faiss.normalize_L2 called directly on the caller's arrays: the passages and queries are modified in place.

Pattern: 2
The retrieval results are right, but CORPUS_VECTORS / QUESTION_VECTORS come back unit-length,
which the docstring forbids ("not modified") and which silently changes any later computation
that relied on the raw norms.
"""
import faiss
import numpy as np


def build_index(vectors: np.ndarray) -> faiss.Index:
    faiss.normalize_L2(vectors)
    index = faiss.IndexFlatIP(vectors.shape[1])
    index.add(vectors)
    return index


def retrieve(index: faiss.Index, query_vectors: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    faiss.normalize_L2(query_vectors)
    return index.search(query_vectors, min(k, index.ntotal))
