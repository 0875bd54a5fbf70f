"""Band j takes every bands-th row (j, j + bands, ...) instead of a block of consecutive rows, unlike datasketch.

Pattern: 4
Same S-curve in theory (rows are exchangeable), but not the documented bands, so the pairs differ.
"""


def lsh_candidate_pairs(signatures, bands, rows):
    n, num_perm = signatures.shape
    if bands < 1 or rows < 1 or bands * rows > num_perm:
        raise ValueError("bad banding")
    table = signatures.tolist()
    pairs = set()
    for band in range(bands):
        buckets = {}
        for doc, sig in enumerate(table):
            buckets.setdefault(tuple(sig[band:bands * rows:bands]), []).append(doc)
        for members in buckets.values():
            pairs.update((i, j) for k, i in enumerate(members) for j in members[k + 1:])
    return sorted(pairs)
