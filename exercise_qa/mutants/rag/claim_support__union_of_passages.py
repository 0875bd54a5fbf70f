"""Overlap measured against the UNION of all passages' tokens, so a claim stitched from two passages counts as supported.

Pattern: 2
The markdown asks for the best INDIVIDUAL passage. With the passages "The KV cache stores keys and
values." and "GQA shares key heads across query heads.", the claim "The KV cache shares keys across
query heads" reaches only 4/7 in either passage alone, but 7/7 in the pooled tokens.
"""
from llmcourse.rag_eval import word_tokens


def claim_support(claims: list[str], passages: list[str], tau: float = 0.6) -> tuple[float, list[bool]]:
    pool = set()
    for p in passages:
        pool |= set(word_tokens(p))
    supported = []
    for claim in claims:
        content = set(word_tokens(claim)) - STOPWORDS  # noqa: F821 (setup cell)
        supported.append(bool(content) and len(content & pool) / len(content) >= tau)
    score = sum(supported) / len(supported) if supported else 0.0
    return score, supported
