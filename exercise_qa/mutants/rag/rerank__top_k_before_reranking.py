"""Cuts to top_k in the first-stage order and only then reranks, so good candidates below the cut are lost."""


def rerank(query, candidate_ids, texts, score_fn, top_k=None):
    pool = list(candidate_ids) if top_k is None else list(candidate_ids)[:top_k]
    scored = [(score_fn(query, texts[i]), i) for i in pool]
    return [i for _, i in sorted(scored, key=lambda pair: (-pair[0], pair[1]))]
