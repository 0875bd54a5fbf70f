"""Strips the strings but lets None take part in the vote: when most paths fail to parse, the function returns None even though valid answers exist.

Pattern: 2
"""
from collections import Counter


def self_consistency_vote(answers):
    cleaned = [a.strip() if isinstance(a, str) else a for a in answers]
    if not cleaned:
        return None
    return Counter(cleaned).most_common(1)[0][0]
