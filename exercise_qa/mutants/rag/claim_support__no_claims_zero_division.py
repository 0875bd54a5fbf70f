"""The score is sum(flags) / len(flags) with no guard: an answer with no claims raises ZeroDivisionError instead of scoring 0.0.

Pattern: 1
"""
from llmcourse.rag_eval import word_tokens


def claim_support(claims: list[str], passages: list[str], tau: float = 0.6) -> tuple[float, list[bool]]:
    passage_tokens = [set(word_tokens(p)) for p in passages]
    flags = []
    for claim in claims:
        content = set(word_tokens(claim)) - STOPWORDS  # noqa: F821 (setup cell)
        ok = False
        if content:
            for toks in passage_tokens:
                if len(content & toks) / len(content) >= tau:
                    ok = True
                    break
        flags.append(ok)
    return sum(flags) / len(flags), flags
