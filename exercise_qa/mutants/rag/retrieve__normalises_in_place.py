"""Normalises the caller's arrays in place with faiss.normalize_L2, silently changing their data."""
import faiss


def build_index(vectors):
    faiss.normalize_L2(vectors)
    index = faiss.IndexFlatIP(vectors.shape[1])
    index.add(vectors)
    return index


def retrieve(index, query_vectors, k):
    faiss.normalize_L2(query_vectors)
    return index.search(query_vectors, min(k, index.ntotal))
