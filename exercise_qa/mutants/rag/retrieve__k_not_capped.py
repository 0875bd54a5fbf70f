"""Passes k straight to faiss, which pads the result with id -1 when k exceeds the number of passages."""
import faiss
import numpy as np


def retrieve(index, query_vectors, k):
    queries = np.array(query_vectors, dtype=np.float32, copy=True)
    faiss.normalize_L2(queries)
    return index.search(queries, k)
