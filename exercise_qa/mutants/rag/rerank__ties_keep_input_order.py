"""Sorts by score only, so tied candidates keep their input order and the result depends on it."""


def rerank(query, candidate_ids, texts, score_fn, top_k=None):
    ranked = sorted(candidate_ids, key=lambda i: -score_fn(query, texts[i]))
    return ranked if top_k is None else ranked[:top_k]
