"""Ties between equally frequent answers are broken alphabetically instead of by first occurrence."""
from collections import Counter


def self_consistency_vote(answers):
    votes = Counter(a.strip() for a in answers if a is not None)
    if not votes:
        return None
    return max(sorted(votes), key=lambda a: votes[a])
