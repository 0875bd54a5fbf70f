"""Sorts candidates by ascending score, putting the least relevant first."""


def rerank(query, candidate_ids, texts, score_fn, top_k=None):
    scored = sorted((score_fn(query, texts[i]), i) for i in candidate_ids)
    ranked = [i for _, i in scored]
    return ranked if top_k is None else ranked[:top_k]
