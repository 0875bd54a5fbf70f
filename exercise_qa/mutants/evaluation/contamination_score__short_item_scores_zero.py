"""An item shorter than n scores 0.0 instead of raising ValueError (a short leaked item looks clean).

Pattern: 2
"""


def contamination_score(item, index, n):
    tokens = words(item)
    grams = [tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)]
    if not grams:
        return 0.0
    return sum(g in index for g in grams) / len(grams)
