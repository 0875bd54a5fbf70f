r"""pass_at_k computes the ratio of falling factorials with NumPy int64 products, which overflow silently for moderate n and k.

Pattern: 1
"""
import operator

import numpy as np


def pass_at_k(n: int, c: int, k: int) -> float:
    """Unbiased pass@k of one problem with n samples of which c are correct."""
    n, c, k = operator.index(n), operator.index(c), operator.index(k)
    if not 0 <= c <= n:
        raise ValueError(f"c = {c} must be in [0, n = {n}]")
    if not 1 <= k <= n:
        raise ValueError(f"k = {k} must be in [1, n = {n}]")
    if c == 0:
        return 0.0
    if n - c < k:
        return 1.0
    numerator = np.prod(np.arange(n - c - k + 1, n - c + 1, dtype=np.int64))     # (n-c)! / (n-c-k)!
    denominator = np.prod(np.arange(n - k + 1, n + 1, dtype=np.int64))        # n! / (n-k)!
    return float(1.0 - numerator / denominator)


def mean_pass_at_k(num_samples, num_correct, k: int) -> float:
    """Benchmark pass@k: the mean over problems of pass_at_k(num_samples[i], num_correct[i], k)."""
    num_samples, num_correct = list(num_samples), list(num_correct)
    if len(num_samples) != len(num_correct) or len(num_samples) == 0:
        raise ValueError("num_samples and num_correct must have the same non-zero length")
    estimates = [pass_at_k(n, c, k) for n, c in zip(num_samples, num_correct)]
    return float(sum(estimates) / len(estimates))
