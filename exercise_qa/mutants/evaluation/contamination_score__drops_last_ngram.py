"""The item's last n-gram is left out: range(len(tokens) - n) instead of range(len(tokens) - n + 1).

Pattern: 1
"""


def contamination_score(item, index, n):
    tokens = words(item)
    if n < 1 or len(tokens) < n:
        raise ValueError("too short")
    grams = [tuple(tokens[i:i + n]) for i in range(max(len(tokens) - n, 1))]
    return sum(g in index for g in grams) / len(grams)
