"""A pair is a candidate only when ALL bands agree (AND over bands instead of OR): near-duplicates are missed.

Pattern: 5
"""


def lsh_candidate_pairs(signatures, bands, rows):
    n, num_perm = signatures.shape
    if bands < 1 or rows < 1 or bands * rows > num_perm:
        raise ValueError("bad banding")
    head = signatures[:, :bands * rows]
    return [(i, j) for i in range(n) for j in range(i + 1, n) if bool((head[i] == head[j]).all())]
