"""No guard for a claim without content tokens: "It is." makes len(content) zero and raises ZeroDivisionError.

Pattern: 1
"""
from llmcourse.rag_eval import word_tokens


def claim_support(claims: list[str], passages: list[str], tau: float = 0.6) -> tuple[float, list[bool]]:
    passage_tokens = [set(word_tokens(p)) for p in passages]
    supported = []
    for claim in claims:
        content = set(word_tokens(claim)) - STOPWORDS  # noqa: F821 (setup cell)
        best = max((len(content & toks) / len(content) for toks in passage_tokens), default=0.0)
        supported.append(best >= tau)
    return (sum(supported) / len(supported) if claims else 0.0), supported
