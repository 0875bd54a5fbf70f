"""Runs the DP on probabilities (products of exp(log p)) instead of summed log-probs: long strings or pieces with log-probs like -200 underflow to 0 and look impossible.
Pattern: 1

Exact to ~1e-16 on short strings with reasonable probabilities (the visible "abc"); e.g. four
pieces at log p = -200 give 1e-348 = 0.0, so the function returns (None, -inf).
"""
import math


def viterbi_segment(text: str, log_probs: dict[str, float]) -> tuple[list[str] | None, float]:
    n = len(text)
    best = [0.0] * (n + 1)
    best[0] = 1.0
    back = [None] * (n + 1)
    max_len = max((len(p) for p in log_probs), default=0)
    for i in range(1, n + 1):
        for j in range(max(0, i - max_len), i):
            piece = text[j:i]
            if piece not in log_probs or best[j] == 0.0:
                continue
            prob = best[j] * math.exp(log_probs[piece])
            if prob > best[i]:
                best[i] = prob
                back[i] = j
    if best[n] == 0.0:
        return None, float("-inf")
    pieces = []
    i = n
    while i > 0:
        j = back[i]
        pieces.append(text[j:i])
        i = j
    return pieces[::-1], math.log(best[n])
