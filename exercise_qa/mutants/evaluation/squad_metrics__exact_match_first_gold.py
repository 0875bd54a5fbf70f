"""Exact match only compares with the first gold answer.

Pattern: 2
"""


def exact_match(prediction, golds):
    if not golds:
        raise ValueError("no gold")
    return float(normalize_answer(prediction) == normalize_answer(golds[0]))
