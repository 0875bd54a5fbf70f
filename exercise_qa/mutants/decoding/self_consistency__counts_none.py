"""Unparseable paths (None) are counted as an answer and can win the vote."""
from collections import Counter


def self_consistency_vote(answers):
    votes = Counter(a.strip() if a is not None else None for a in answers)
    if not votes:
        return None
    return votes.most_common(1)[0][0]
