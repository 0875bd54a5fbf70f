"""Stopwords are not removed from the claim: "the", "is", "of" count as supported content and inflate the overlap.

Pattern: 2
Function words shared by almost every passage pad the overlap, so a partly invented claim can
reach the threshold, and a claim made only of stopwords ("It is in the.") can count as supported
although it has no content tokens.
"""
from llmcourse.rag_eval import word_tokens


def claim_support(claims: list[str], passages: list[str], tau: float = 0.6) -> tuple[float, list[bool]]:
    passage_tokens = [set(word_tokens(p)) for p in passages]
    flags = []
    for claim in claims:
        content = set(word_tokens(claim))
        if not content:
            flags.append(False)
            continue
        best = max((len(content & toks) / len(content) for toks in passage_tokens), default=0.0)
        flags.append(bool(best >= tau))
    return (sum(flags) / len(flags) if flags else 0.0), flags
