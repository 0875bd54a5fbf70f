"""Hit rate computed as recall@k (the share of relevant docs found) instead of 1 if any is found."""


def hit_rate_at_k(ranked, relevant, k):
    if not relevant:
        return 0.0
    return sum(1 for d in ranked[:k] if d in relevant) / len(relevant)
