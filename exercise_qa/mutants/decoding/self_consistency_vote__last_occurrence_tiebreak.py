"""Tracks the running leader with >= while scanning, so among tied answers the one that reaches the top count last wins, not the earliest first occurrence.

Pattern: 2
"""


def self_consistency_vote(answers: list[str | None]) -> str | None:
    counts: dict[str, int] = {}
    best, best_count = None, 0
    for a in answers:
        if a is None:
            continue
        a = a.strip()
        counts[a] = counts.get(a, 0) + 1
        if counts[a] >= best_count:
            best, best_count = a, counts[a]
    return best
