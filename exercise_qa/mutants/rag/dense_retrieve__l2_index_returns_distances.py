"""Unit vectors in an IndexFlatL2: the ranking equals cosine's, but the returned "scores" are squared distances (ascending), not cosine similarities.

Pattern: 2
On unit vectors ||q - x||^2 = 2 - 2 cos, so the ids are right; the candidate forgets to convert
back with cos = 1 - d / 2.
"""
import faiss
import numpy as np


def build_index(vectors: np.ndarray) -> faiss.Index:
    v = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    index = faiss.IndexFlatL2(v.shape[1])
    index.add(v.astype(np.float32))
    return index


def retrieve(index: faiss.Index, query_vectors: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    q = query_vectors / np.linalg.norm(query_vectors, axis=1, keepdims=True)
    return index.search(q.astype(np.float32), min(k, index.ntotal))
