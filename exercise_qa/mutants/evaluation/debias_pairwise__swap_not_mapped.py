"""The B-first verdict is read as if A had been shown first: "first" in both orders counts as a win for A.

Pattern: 5
"""


def debias_pairwise(a_first, b_first):
    if len(a_first) != len(b_first):
        raise ValueError("lengths")
    verdicts, same = [], 0
    for x, y in zip(a_first, b_first):
        if x not in ("first", "second", "tie") or y not in ("first", "second", "tie"):
            raise ValueError("label")
        verdicts.append("A" if x == y == "first" else "B" if x == y == "second" else "tie")
        same += x == y != "tie"
    if not verdicts:
        return [], 0.0, 0.0
    return verdicts, (verdicts.count("A") + 0.5 * verdicts.count("tie")) / len(verdicts), same / len(verdicts)
