"""k passed to index.search unchanged: for k > ntotal faiss pads with id -1 and score -3.4e38 instead of returning ntotal columns.

Pattern: 1
"""
import faiss
import numpy as np


def build_index(vectors: np.ndarray) -> faiss.Index:
    v = np.array(vectors, dtype=np.float32, copy=True)
    faiss.normalize_L2(v)
    index = faiss.IndexFlatIP(v.shape[1])
    index.add(v)
    return index


def retrieve(index: faiss.Index, query_vectors: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    q = np.array(query_vectors, dtype=np.float32, copy=True)
    faiss.normalize_L2(q)
    scores, ids = index.search(q, k)
    return scores, ids
