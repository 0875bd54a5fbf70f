"""S-curve with bands and rows swapped: 1 - (1 - s**bands)**rows.

Pattern: 1
"""
from collections import defaultdict

import torch


def lsh_candidate_pairs(signatures: torch.Tensor, bands: int, rows: int) -> list[tuple[int, int]]:
    if bands < 1 or rows < 1:
        raise ValueError(f"bands and rows must be >= 1, got {bands}, {rows}")
    n_docs, n_perm = signatures.shape
    if bands * rows > n_perm:
        raise ValueError(f"bands * rows = {bands * rows} exceeds the signature length {n_perm}")
    sigs = signatures.tolist()
    pairs = set()
    for band in range(bands):
        buckets = defaultdict(list)
        for doc, sig in enumerate(sigs):
            buckets[tuple(sig[band * rows:(band + 1) * rows])].append(doc)
        for members in buckets.values():
            for i in range(len(members)):
                for j in range(i + 1, len(members)):
                    pairs.add((members[i], members[j]))
    return sorted(pairs)


def lsh_candidate_probability(s: float, bands: int, rows: int) -> float:
    return float(1.0 - (1.0 - s ** bands) ** rows)
