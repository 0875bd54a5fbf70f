"""Reports an impossible segmentation as ([], -inf) instead of the documented (None, -inf).
Pattern: 2

The backtrack loop simply stops when there is no back-pointer, so the caller gets an empty list,
indistinguishable from the segmentation of the empty string; the score is right.
"""


def viterbi_segment(text: str, log_probs: dict[str, float]) -> tuple[list[str] | None, float]:
    n = len(text)
    NEG = float("-inf")
    best = [NEG] * (n + 1)
    best[0] = 0.0
    back = [None] * (n + 1)
    for i in range(1, n + 1):
        for j in range(i):
            if best[j] == NEG:
                continue
            lp = log_probs.get(text[j:i])
            if lp is None:
                continue
            if best[j] + lp > best[i]:
                best[i] = best[j] + lp
                back[i] = j
    pieces = []
    i = n
    while i > 0 and back[i] is not None:
        j = back[i]
        pieces.append(text[j:i])
        i = j
    return pieces[::-1], float(best[n])
