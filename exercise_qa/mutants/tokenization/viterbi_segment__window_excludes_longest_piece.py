"""Limits the inner loop to range(i - max_len + 1, i): the longest pieces of the vocabulary (length max_len) can never be used.
Pattern: 1

An off-by-one in the usual "only look back max_len characters" speed-up. Right whenever the best
segmentation uses no piece of maximal length (the visible "abc" prefers "a" + "bc" over "abc");
a string that is itself the longest piece, or needs it, gets a worse segmentation or None.
"""


def viterbi_segment(text: str, log_probs: dict[str, float]) -> tuple[list[str] | None, float]:
    n = len(text)
    NEG = float("-inf")
    best = [NEG] * (n + 1)
    best[0] = 0.0
    back = [None] * (n + 1)
    max_len = max((len(p) for p in log_probs), default=0)
    for i in range(1, n + 1):
        for j in range(max(0, i - max_len + 1), i):
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
    return pieces[::-1], float(best[n])
