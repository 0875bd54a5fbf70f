"""Checks each claim against all passages pooled together, so a claim stitched from two sources counts as supported."""


def claim_support(claims, passages, tau=0.6):
    pool = {t for p in passages for t in word_tokens(p)}
    supported = []
    for claim in claims:
        content = set(word_tokens(claim)) - STOPWORDS
        supported.append(bool(content) and len(content & pool) / len(content) >= tau)
    return (sum(supported) / len(claims) if claims else 0.0), supported
