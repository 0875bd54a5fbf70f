"""Reciprocal rank fusion with ranks starting at 0, so each list's top document adds 1/k instead of 1/(k + 1)."""
from collections import defaultdict


def rrf_fusion(rankings, k=60):
    fused = defaultdict(float)
    for ranking in rankings:
        for rank, doc_id in enumerate(ranking):
            fused[doc_id] += 1.0 / (k + rank)
    return sorted(fused.items(), key=lambda item: (-item[1], item[0]))
