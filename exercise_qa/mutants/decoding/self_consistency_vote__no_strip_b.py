"""Counts the raw strings without stripping whitespace: '42' and ' 42\n' are counted as different answers.

Pattern: 2
"""
from collections import Counter


def self_consistency_vote(answers):
    valid = [a for a in answers if a is not None]
    if not valid:
        return None
    return Counter(valid).most_common(1)[0][0]
