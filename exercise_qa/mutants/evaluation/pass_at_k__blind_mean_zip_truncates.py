r"""mean_pass_at_k zips the two sequences without checking their lengths, so a missing count silently drops problems instead of raising ValueError.

Pattern: 2
"""
import operator


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
    product = 1.0
    for i in range(n - c + 1, n + 1):
        product *= 1.0 - k / i
    return float(1.0 - product)


def mean_pass_at_k(num_samples, num_correct, k: int) -> float:
    """Benchmark pass@k: the mean over problems of pass_at_k(num_samples[i], num_correct[i], k)."""
    num_samples, num_correct = list(num_samples), list(num_correct)
    if len(num_samples) == 0:
        raise ValueError("num_samples and num_correct must have the same non-zero length")
    estimates = [pass_at_k(n, c, k) for n, c in zip(num_samples, num_correct)]
    return float(sum(estimates) / len(estimates))
