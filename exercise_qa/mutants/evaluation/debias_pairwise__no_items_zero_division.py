"""No items divides by zero instead of returning ([], 0.0, 0.0), and unknown verdict strings count as ties.

Pattern: 1
"""


def debias_pairwise(a_first, b_first):
    if len(a_first) != len(b_first):
        raise ValueError("lengths")
    verdicts = ["A" if (x, y) == ("first", "second") else "B" if (x, y) == ("second", "first") else "tie"
                for x, y in zip(a_first, b_first)]
    same = sum(x == y != "tie" for x, y in zip(a_first, b_first))
    return verdicts, (verdicts.count("A") + 0.5 * verdicts.count("tie")) / len(verdicts), same / len(verdicts)
