"""Support compared with `> tau` instead of `>= tau`: a claim exactly at the threshold (3 of 5 tokens at tau = 0.6) is rejected.

Pattern: 1
"""
from llmcourse.rag_eval import word_tokens


def claim_support(claims: list[str], passages: list[str], tau: float = 0.6) -> tuple[float, list[bool]]:
    passage_tokens = [set(word_tokens(p)) for p in passages]
    flags = []
    for claim in claims:
        content = set(word_tokens(claim)) - STOPWORDS  # noqa: F821 (setup cell)
        if not content:
            flags.append(False)
            continue
        best = max(len(content & toks) / len(content) for toks in passage_tokens) if passage_tokens else 0.0
        flags.append(best > tau)
    score = sum(flags) / len(flags) if flags else 0.0
    return score, flags
