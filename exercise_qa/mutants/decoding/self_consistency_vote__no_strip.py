"""Counts the raw strings and strips only the winner, so " 42" and "42 " are counted as different answers from "42".

Pattern: 2
"""
from collections import Counter


def self_consistency_vote(answers: list[str | None]) -> str | None:
    valid = [a for a in answers if a is not None]
    if not valid:
        return None
    winner, _ = Counter(valid).most_common(1)[0]
    return winner.strip()
