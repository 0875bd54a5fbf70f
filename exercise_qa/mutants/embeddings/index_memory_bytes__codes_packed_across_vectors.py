"""Counts codes as ceil(n * m * nbits / 8), packing bits across vectors, instead of n * ceil(m * nbits / 8) bytes per vector.

Pattern: 1
"""
import math


def index_memory_bytes(n, d, kind, *, m=0, nbits=8, nlist=0, id_bytes=8, float_bytes=4):
    out = dict(vectors=0, codes=0, codebooks=0, centroids=0, ids=0)
    if kind in ("flat", "ivfflat"):
        out["vectors"] = n * d * float_bytes
    if kind in ("pq", "ivfpq"):
        out["codes"] = math.ceil(n * m * nbits / 8)
        out["codebooks"] = m * 2 ** nbits * (d // m) * float_bytes
    if kind in ("ivfflat", "ivfpq"):
        out["centroids"] = nlist * d * float_bytes
        out["ids"] = n * id_bytes
    out["total"] = sum(out.values())
    return out
