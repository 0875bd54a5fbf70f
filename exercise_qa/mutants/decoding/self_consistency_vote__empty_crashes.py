"""Assumes at least one valid answer: an empty list or a list of only None raises IndexError instead of returning None.

Pattern: 1
"""
from collections import Counter


def self_consistency_vote(answers: list[str | None]) -> str | None:
    counts = Counter(a.strip() for a in answers if a is not None)
    return counts.most_common(1)[0][0]
