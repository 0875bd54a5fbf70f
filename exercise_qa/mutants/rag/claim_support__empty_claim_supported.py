"""Treats a claim with no content tokens as fully supported (0/0 taken as 1), so empty claims pass."""


def claim_support(claims, passages, tau=0.6):
    passage_tokens = [set(word_tokens(p)) for p in passages]
    supported = []
    for claim in claims:
        content = set(word_tokens(claim)) - STOPWORDS
        best = max((len(content & t) / len(content) if content else 1.0 for t in passage_tokens), default=0.0)
        supported.append(best >= tau)
    return (sum(supported) / len(claims) if claims else 0.0), supported
