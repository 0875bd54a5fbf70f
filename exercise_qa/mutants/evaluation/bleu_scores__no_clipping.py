"""Matches are not clipped: a hypothesis n-gram counts as often as it occurs in the hypothesis, so "the the the" scores well.

Pattern: 1
"""
from collections import Counter


def _grams(tokens):
    return Counter(tuple(tokens[i:i + n]) for n in range(1, 5) for i in range(len(tokens) - n + 1))


def bleu_counts(hypothesis, references):
    if not references:
        raise ValueError("no reference")
    c = len(hypothesis)
    r = min((len(x) for x in references), key=lambda n: (abs(n - c), n))
    seen = set()
    for ref in references:
        seen |= set(_grams(ref))
    matches, totals = [0] * 4, [0] * 4
    for g, k in _grams(hypothesis).items():
        totals[len(g) - 1] += k
        if g in seen:
            matches[len(g) - 1] += k
    return c, r, matches, totals
