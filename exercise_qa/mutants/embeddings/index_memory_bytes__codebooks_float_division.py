"""Codebooks computed with d / m (true division): the pq/ivfpq counts come back as floats, not ints.

Pattern: 2
Transcribing the table's `m * 2**nbits * (d / m) * float_bytes` literally gives 393216.0; the
value is right, the type (and so "total") is float. The flat visible case has no codebooks.
"""
import math


def index_memory_bytes(n: int, d: int, kind: str, *, m: int = 0, nbits: int = 8, nlist: int = 0,
                       id_bytes: int = 8, float_bytes: int = 4) -> dict:
    out = {"vectors": 0, "codes": 0, "codebooks": 0, "centroids": 0, "ids": 0}
    if kind in ("flat", "ivfflat"):
        out["vectors"] = n * d * float_bytes
    if kind in ("pq", "ivfpq"):
        out["codes"] = n * math.ceil(m * nbits / 8)
        out["codebooks"] = m * 2 ** nbits * (d / m) * float_bytes
    if kind in ("ivfflat", "ivfpq"):
        out["centroids"] = nlist * d * float_bytes
        out["ids"] = n * id_bytes
    out["total"] = sum(out.values())
    return out
