"""The F1 overlap counts distinct tokens (a set) instead of a multiset.

Pattern: 1
"""


def f1_score(prediction, golds):
    if not golds:
        raise ValueError("no gold")
    p = normalize_answer(prediction).split()
    best = 0.0
    for gold in golds:
        g = normalize_answer(gold).split()
        if not p or not g:
            best = max(best, float(p == g))
            continue
        common = len(set(p) & set(g))
        if common:
            best = max(best, 2 * (common / len(p)) * (common / len(g)) / (common / len(p) + common / len(g)))
    return best
