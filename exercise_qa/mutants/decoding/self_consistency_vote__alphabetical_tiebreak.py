"""Breaks ties by sorting on (-count, answer), i.e. alphabetically, instead of by earliest first occurrence.

Pattern: 2
"""
from collections import Counter


def self_consistency_vote(answers):
    counts = Counter(a.strip() for a in answers if a is not None)
    if not counts:
        return None
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
