"""Ids counted only for ivfflat, with a hard-coded 8 bytes: IVF-PQ's explicit ids (and id_bytes) are forgotten.

Pattern: 5
The candidate thinks of ids as "the extra cost of IVF-Flat" and leaves them out of IVF-PQ, whose
lists store an explicit id per vector too (for a 96-byte code, 8 more bytes per vector is a lot).
"""
import math


def index_memory_bytes(n: int, d: int, kind: str, *, m: int = 0, nbits: int = 8, nlist: int = 0,
                       id_bytes: int = 8, float_bytes: int = 4) -> dict:
    out = {"vectors": 0, "codes": 0, "codebooks": 0, "centroids": 0, "ids": 0}
    if kind == "flat":
        out["vectors"] = n * d * float_bytes
    elif kind == "pq":
        out["codes"] = n * math.ceil(m * nbits / 8)
        out["codebooks"] = m * 2 ** nbits * (d // m) * float_bytes
    elif kind == "ivfflat":
        out["vectors"] = n * d * float_bytes
        out["centroids"] = nlist * d * float_bytes
        out["ids"] = n * 8
    elif kind == "ivfpq":
        out["codes"] = n * math.ceil(m * nbits / 8)
        out["codebooks"] = m * 2 ** nbits * (d // m) * float_bytes
        out["centroids"] = nlist * d * float_bytes
    out["total"] = sum(out.values())
    return out
