"""Divides the overlap by the passage's token count instead of the claim's (precision instead of coverage)."""


def claim_support(claims, passages, tau=0.6):
    passage_tokens = [set(word_tokens(p)) for p in passages]
    supported = []
    for claim in claims:
        content = set(word_tokens(claim)) - STOPWORDS
        best = max((len(content & t) / len(t) for t in passage_tokens if t), default=0.0)
        supported.append(bool(content) and best >= tau)
    return (sum(supported) / len(claims) if claims else 0.0), supported
