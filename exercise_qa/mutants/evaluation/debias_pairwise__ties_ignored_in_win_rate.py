"""The win rate ignores ties (wins / decided items) instead of counting them as half.

Pattern: 1
"""


def debias_pairwise(a_first, b_first):
    if len(a_first) != len(b_first):
        raise ValueError("lengths")
    verdicts, same = [], 0
    for x, y in zip(a_first, b_first):
        if x not in ("first", "second", "tie") or y not in ("first", "second", "tie"):
            raise ValueError("label")
        verdicts.append("A" if (x, y) == ("first", "second") else "B" if (x, y) == ("second", "first") else "tie")
        same += x == y != "tie"
    if not verdicts:
        return [], 0.0, 0.0
    decided = verdicts.count("A") + verdicts.count("B")
    return verdicts, (verdicts.count("A") / decided if decided else 0.5), same / len(verdicts)
