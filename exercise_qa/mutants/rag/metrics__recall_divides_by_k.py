"""Recall@k divides the hits by k (which is precision) instead of by the number of relevant docs."""


def recall_at_k(ranked, relevant, k):
    if not relevant:
        return 0.0
    return sum(1 for d in ranked[:k] if d in relevant) / k
