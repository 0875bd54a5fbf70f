"""Uses max(set(valid), key=...) with a first-index tie-break: correct on normal lists, but raises ValueError on an empty or all-None list instead of returning None.

Pattern: 1
"""


def self_consistency_vote(answers):
    valid = [a.strip() for a in answers if a is not None]
    first = {}
    for i, a in enumerate(valid):
        first.setdefault(a, i)
    return max(set(valid), key=lambda a: (valid.count(a), -first[a]))
