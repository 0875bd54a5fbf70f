"""The position-bias rate counts every inconsistent pair (tie in one order included), not only the same-slot picks.

Pattern: 1
"""


def debias_pairwise(a_first, b_first):
    if len(a_first) != len(b_first):
        raise ValueError("lengths")
    verdicts, inconsistent = [], 0
    for x, y in zip(a_first, b_first):
        if x not in ("first", "second", "tie") or y not in ("first", "second", "tie"):
            raise ValueError("label")
        verdicts.append("A" if (x, y) == ("first", "second") else "B" if (x, y) == ("second", "first") else "tie")
        inconsistent += (x, y) not in {("first", "second"), ("second", "first"), ("tie", "tie")}
    if not verdicts:
        return [], 0.0, 0.0
    return verdicts, (verdicts.count("A") + 0.5 * verdicts.count("tie")) / len(verdicts), inconsistent / len(verdicts)
