"""`if top_k:` treats top_k = 0 like None and returns every candidate instead of an empty list.

Pattern: 1
"""


def rerank(query: str, candidate_ids: list[int], texts, score_fn, top_k: int | None = None) -> list[int]:
    scored = [(score_fn(query, texts[doc_id]), doc_id) for doc_id in candidate_ids]
    scored.sort(key=lambda pair: (-pair[0], pair[1]))
    ranked = [doc_id for _, doc_id in scored]
    if top_k:
        ranked = ranked[:top_k]
    return ranked
