"""Selection-sort reranker calls score_fn inside the loop: O(n^2) calls of the expensive scorer instead of one per candidate.

Pattern: 2
The order (score descending, ties by smaller id) is right; the docstring's "called once per
candidate" is not, and with a cross-encoder this multiplies the cost by n / 2.
"""


def rerank(query: str, candidate_ids: list[int], texts, score_fn, top_k: int | None = None) -> list[int]:
    remaining = list(candidate_ids)
    limit = len(remaining) if top_k is None else min(top_k, len(remaining))
    out = []
    while len(out) < limit:
        best = max(remaining, key=lambda i: (score_fn(query, texts[i]), -i))
        out.append(best)
        remaining.remove(best)
    return out
