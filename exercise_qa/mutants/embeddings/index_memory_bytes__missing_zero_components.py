"""Returns only the components the index has (plus total): keys with value 0 are missing from the dict instead of present as 0.

Pattern: 5
"""
import math


def index_memory_bytes(n, d, kind, *, m=0, nbits=8, nlist=0, id_bytes=8, float_bytes=4):
    out = {}
    if kind in ("flat", "ivfflat"):
        out["vectors"] = n * d * float_bytes
    if kind in ("pq", "ivfpq"):
        out["codes"] = n * math.ceil(m * nbits / 8)
        out["codebooks"] = m * (2 ** nbits) * (d // m) * float_bytes
    if kind in ("ivfflat", "ivfpq"):
        out["centroids"] = nlist * d * float_bytes
        out["ids"] = n * id_bytes
    out["total"] = sum(out.values())
    return out
