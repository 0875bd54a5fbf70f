"""Ties are broken by max over (count, answer), i.e. the lexicographically largest answer, not the earliest first occurrence.

Pattern: 2
"""
from collections import Counter


def self_consistency_vote(answers: list[str | None]) -> str | None:
    counts = Counter(a.strip() for a in answers if a is not None)
    if not counts:
        return None
    return max(counts, key=lambda a: (counts[a], a))
