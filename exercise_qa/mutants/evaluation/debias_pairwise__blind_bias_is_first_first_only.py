r"""debias_pairwise counts only first/first as position bias (a primacy bias), missing a judge that always picks the second slot.

Pattern: 1
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
        if x == y == "first":
            same_slot += 1
    if not verdicts:
        return [], 0.0, 0.0
    n = len(verdicts)
    win_rate = (verdicts.count("A") + 0.5 * verdicts.count("tie")) / n
    return verdicts, float(win_rate), float(same_slot / n)
