"""Forgets the 8-byte ids that the inverted lists must store for every vector."""


def index_memory_bytes(n, d, kind, *, m=0, nbits=8, nlist=0, id_bytes=8, float_bytes=4):
    quantized, inverted = kind in ("pq", "ivfpq"), kind.startswith("ivf")
    parts = {"vectors": 0 if quantized else n * d * float_bytes,
             "codes": n * ((m * nbits + 7) // 8) if quantized else 0,
             "codebooks": 2 ** nbits * d * float_bytes if quantized else 0,
             "centroids": nlist * d * float_bytes if inverted else 0,
             "ids": 0}
    parts["total"] = sum(parts.values())
    return parts
