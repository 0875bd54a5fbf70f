"""Charges 64-bit ids to the plain PQ index as well ('every index stores ids'): a PQ index's ids are its row numbers and cost 0.

Pattern: 2
"""
import math


def index_memory_bytes(n, d, kind, *, m=0, nbits=8, nlist=0, id_bytes=8, float_bytes=4):
    comp = {k: 0 for k in ("vectors", "codes", "codebooks", "centroids", "ids")}
    if kind in ("flat", "ivfflat"):
        comp["vectors"] = n * d * float_bytes
    if kind in ("pq", "ivfpq"):
        comp["codes"] = n * ((m * nbits + 7) // 8)
        comp["codebooks"] = m * 2 ** nbits * (d // m) * float_bytes
        comp["ids"] = n * id_bytes
    if kind in ("ivfflat", "ivfpq"):
        comp["centroids"] = nlist * d * float_bytes
        comp["ids"] = n * id_bytes
    comp["total"] = sum(comp.values())
    return comp
