"""The plug-in estimate 1 - (1 - c/n)**k is used: it samples with replacement and is biased.

Pattern: 2
"""


def pass_at_k(n, c, k):
    if not 0 <= c <= n or not 1 <= k <= n:
        raise ValueError("bad arguments")
    return float(1.0 - (1.0 - c / n) ** k)
