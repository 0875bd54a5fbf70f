"""An empty prediction against an empty (unanswerable) gold scores 0 instead of 1.

Pattern: 1
"""
from collections import Counter


def f1_score(prediction, golds):
    if not golds:
        raise ValueError("no gold")
    p = normalize_answer(prediction).split()
    best = 0.0
    for gold in golds:
        g = normalize_answer(gold).split()
        common = sum((Counter(p) & Counter(g)).values())
        if common:
            best = max(best, 2 * common / (len(p) + len(g)))
    return best
