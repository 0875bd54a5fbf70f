"""The brevity penalty uses the shortest reference instead of the one closest to the hypothesis length.

Pattern: 1
"""
from collections import Counter


def _grams(tokens):
    return Counter(tuple(tokens[i:i + n]) for n in range(1, 5) for i in range(len(tokens) - n + 1))


def bleu_counts(hypothesis, references):
    if not references:
        raise ValueError("no reference")
    best = Counter()
    for ref in references:
        for g, k in _grams(ref).items():
            best[g] = max(best[g], k)
    matches, totals = [0] * 4, [0] * 4
    for g, k in _grams(hypothesis).items():
        totals[len(g) - 1] += k
        matches[len(g) - 1] += min(k, best[g])
    return len(hypothesis), min(len(x) for x in references), matches, totals
