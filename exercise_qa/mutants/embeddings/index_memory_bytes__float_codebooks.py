"""Writes the codebook size literally as m * 2**nbits * (d / m) * float_bytes with true division: a float, not an int (and the total becomes a float too).

Pattern: 2
"""
import math


def index_memory_bytes(n, d, kind, *, m=0, nbits=8, nlist=0, id_bytes=8, float_bytes=4):
    vectors = n * d * float_bytes if kind in ("flat", "ivfflat") else 0
    codes = n * math.ceil(m * nbits / 8) if kind in ("pq", "ivfpq") else 0
    codebooks = m * 2 ** nbits * (d / m) * float_bytes if kind in ("pq", "ivfpq") else 0
    centroids = nlist * d * float_bytes if kind.startswith("ivf") else 0
    ids = n * id_bytes if kind.startswith("ivf") else 0
    return {"vectors": vectors, "codes": codes, "codebooks": codebooks, "centroids": centroids,
            "ids": ids, "total": vectors + codes + codebooks + centroids + ids}
