"""Sorted by score only (Python's stable sort): tied candidates keep their arrival order instead of smaller id first.

Pattern: 4
Right whenever the first stage happens to hand over tied ids in increasing order (the visible
example passes [0, 1, 2, 3]); a shuffled candidate list gives a different output.
"""


def rerank(query: str, candidate_ids: list[int], texts, score_fn, top_k: int | None = None) -> list[int]:
    scores = {i: score_fn(query, texts[i]) for i in candidate_ids}
    ranked = sorted(candidate_ids, key=lambda i: scores[i], reverse=True)
    return ranked if top_k is None else ranked[:top_k]
