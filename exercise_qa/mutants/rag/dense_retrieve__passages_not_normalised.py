"""Only the queries are normalised; the passages go into IndexFlatIP raw, so it ranks by q . x, not cosine.

Pattern: 2
"Normalising the query is enough for cosine" - no: long passages (larger norms) are favoured and
the returned scores are not cosine similarities (they exceed 1 here, norms are 4 to 7).
"""
import faiss
import numpy as np


def build_index(vectors: np.ndarray) -> faiss.Index:
    index = faiss.IndexFlatIP(vectors.shape[1])
    index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index


def retrieve(index: faiss.Index, query_vectors: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    q = np.array(query_vectors, dtype=np.float32)
    q /= np.linalg.norm(q, axis=1, keepdims=True)
    return index.search(q, min(k, index.ntotal))
