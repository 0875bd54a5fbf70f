"""Ranks by raw inner product: the vectors are never normalised, so the scores are not cosines."""
import faiss
import numpy as np


def build_index(vectors):
    index = faiss.IndexFlatIP(vectors.shape[1])
    index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index


def retrieve(index, query_vectors, k):
    return index.search(np.ascontiguousarray(query_vectors, dtype=np.float32), min(k, index.ntotal))
