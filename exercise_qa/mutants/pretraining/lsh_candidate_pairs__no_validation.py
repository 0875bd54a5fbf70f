"""No ValueError when bands * rows exceeds the signature length: the last bands are silently short.

Pattern: 2
"""


def lsh_candidate_pairs(signatures, bands, rows):
    table = signatures.tolist()
    pairs = set()
    for band in range(bands):
        buckets = {}
        for doc, sig in enumerate(table):
            buckets.setdefault(tuple(sig[band * rows:(band + 1) * rows]), []).append(doc)
        for members in buckets.values():
            pairs.update((i, j) for k, i in enumerate(members) for j in members[k + 1:])
    return sorted(pairs)
