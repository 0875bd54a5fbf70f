r"""debias_pairwise computes A's win rate among the decisive items, A / (A + B), instead of (A + ties / 2) / N.

Pattern: 2
"""
def debias_pairwise(a_first: list[str], b_first: list[str]) -> tuple[list[str], float, float]:
    """Order-consistent verdicts, A's win rate (ties count half) and the position-bias rate."""
    if len(a_first) != len(b_first):
        raise ValueError(f"{len(a_first)} verdicts with A first but {len(b_first)} with B first")
    allowed = {"first", "second", "tie"}
    for verdict in list(a_first) + list(b_first):
        if verdict not in allowed:
            raise ValueError(f"unknown verdict {verdict!r}; expected 'first', 'second' or 'tie'")
    verdicts, same_slot = [], 0
    for x, y in zip(a_first, b_first):
        if x == "first" and y == "second":
            verdicts.append("A")
        elif x == "second" and y == "first":
            verdicts.append("B")
        else:
            verdicts.append("tie")
        if x == y and x != "tie":
            same_slot += 1
    if not verdicts:
        return [], 0.0, 0.0
    n = len(verdicts)
    decisive = verdicts.count("A") + verdicts.count("B")
    win_rate = verdicts.count("A") / decisive if decisive else 0.5
    return verdicts, float(win_rate), float(same_slot / n)
