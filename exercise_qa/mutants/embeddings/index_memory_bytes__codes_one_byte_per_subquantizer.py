"""PQ codes counted as one byte per sub-quantizer (n * m), ignoring nbits: no bit packing.

Pattern: 2
Right for the usual nbits = 8; for nbits = 4 the table's n * ceil(m * nbits / 8) is half of it.
"""
import math


def index_memory_bytes(n: int, d: int, kind: str, *, m: int = 0, nbits: int = 8, nlist: int = 0,
                       id_bytes: int = 8, float_bytes: int = 4) -> dict:
    out = {"vectors": 0, "codes": 0, "codebooks": 0, "centroids": 0, "ids": 0}
    if kind in ("flat", "ivfflat"):
        out["vectors"] = n * d * float_bytes
    if kind in ("pq", "ivfpq"):
        out["codes"] = n * m  # one uint8 per sub-quantizer
        out["codebooks"] = m * 2 ** nbits * (d // m) * float_bytes
    if kind in ("ivfflat", "ivfpq"):
        out["centroids"] = nlist * d * float_bytes
        out["ids"] = n * id_bytes
    out["total"] = sum(out.values())
    return out
