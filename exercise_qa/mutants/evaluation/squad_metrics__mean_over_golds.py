"""The F1 is averaged over the gold answers instead of taking the best one.

Pattern: 2
"""
from collections import Counter


def f1_score(prediction, golds):
    if not golds:
        raise ValueError("no gold")
    p = normalize_answer(prediction).split()
    scores = []
    for gold in golds:
        g = normalize_answer(gold).split()
        if not p or not g:
            scores.append(float(p == g))
            continue
        common = sum((Counter(p) & Counter(g)).values())
        scores.append(0.0 if not common else 2 * common / (len(p) + len(g)))
    return sum(scores) / len(scores)
