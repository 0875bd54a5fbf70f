"""Code bytes computed as ceil(n * m * nbits / 8) for the whole index, not n * ceil(m * nbits / 8) per vector.

Pattern: 1
Identical whenever m * nbits is a multiple of 8; when it is not (m = 3, nbits = 4) each vector
really needs a whole number of bytes, and the total is undercounted.
"""
import math


def index_memory_bytes(n: int, d: int, kind: str, *, m: int = 0, nbits: int = 8, nlist: int = 0,
                       id_bytes: int = 8, float_bytes: int = 4) -> dict:
    vectors = codes = codebooks = centroids = ids = 0
    if kind in ("flat", "ivfflat"):
        vectors = n * d * float_bytes
    if kind in ("pq", "ivfpq"):
        codes = math.ceil(n * m * nbits / 8)
        codebooks = m * 2 ** nbits * (d // m) * float_bytes
    if kind in ("ivfflat", "ivfpq"):
        centroids = nlist * d * float_bytes
        ids = n * id_bytes
    total = vectors + codes + codebooks + centroids + ids
    return {"vectors": vectors, "codes": codes, "codebooks": codebooks, "centroids": centroids,
            "ids": ids, "total": total}
