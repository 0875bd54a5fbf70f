"""None (unparseable path) is counted as an answer like any other, so when most paths fail the vote returns None even though valid answers exist.

Pattern: 2
"""
from collections import Counter


def self_consistency_vote(answers: list[str | None]) -> str | None:
    cleaned = [a.strip() if isinstance(a, str) else a for a in answers]
    if not cleaned:
        return None
    return Counter(cleaned).most_common(1)[0][0]
