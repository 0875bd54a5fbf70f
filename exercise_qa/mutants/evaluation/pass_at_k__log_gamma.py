"""The ratio of binomials is computed with math.lgamma: at n = 10**6 the log-gammas are ~1e7 and their rounding error swamps a small pass@k.

Pattern: 3
"""
import math


def pass_at_k(n, c, k):
    n, c, k = int(n), int(c), int(k)
    if not 0 <= c <= n or not 1 <= k <= n:
        raise ValueError("bad arguments")
    if n - c < k:
        return 1.0
    log_ratio = (math.lgamma(n - c + 1) - math.lgamma(n - c - k + 1)) - (math.lgamma(n + 1) - math.lgamma(n - k + 1))
    return -math.expm1(log_ratio)
