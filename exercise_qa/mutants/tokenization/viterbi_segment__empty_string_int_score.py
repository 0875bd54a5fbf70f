"""Initialises best[0] = 0 (an int) and returns best[n] as is: the empty string gives ([], 0), an int, instead of the documented ([], 0.0).
Pattern: 2

Any non-empty segmentation adds float log-probs, so the score is a float there; only the empty
string exposes the wrong type.
"""


def viterbi_segment(text: str, log_probs: dict[str, float]) -> tuple[list[str] | None, float]:
    n = len(text)
    NEG = float("-inf")
    best = [NEG] * (n + 1)
    best[0] = 0
    back = [None] * (n + 1)
    max_len = max((len(p) for p in log_probs), default=0)
    for i in range(1, n + 1):
        for j in range(max(0, i - max_len), i):
            if best[j] == NEG:
                continue
            lp = log_probs.get(text[j:i])
            if lp is None:
                continue
            if best[j] + lp > best[i]:
                best[i] = best[j] + lp
                back[i] = j
    if best[n] == NEG:
        return None, NEG
    pieces = []
    i = n
    while i > 0:
        j = back[i]
        pieces.append(text[j:i])
        i = j
    return pieces[::-1], best[n]
