"""The score counts distinct n-grams of the item instead of n-gram positions.

Pattern: 1
"""


def contamination_score(item, index, n):
    tokens = words(item)
    if n < 1 or len(tokens) < n:
        raise ValueError("too short")
    grams = {tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}
    return sum(g in index for g in grams) / len(grams)
