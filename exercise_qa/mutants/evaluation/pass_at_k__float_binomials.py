"""The binomials are converted to floats: C(2000, 1000) overflows (OverflowError, or inf / inf = NaN with scipy).

Pattern: 1
"""
import math


def pass_at_k(n, c, k):
    n, c, k = int(n), int(c), int(k)
    if not 0 <= c <= n or not 1 <= k <= n:
        raise ValueError("bad arguments")
    if n - c < k:
        return 1.0
    return 1.0 - float(math.comb(n - c, k)) / float(math.comb(n, k))
