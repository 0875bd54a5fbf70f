"""The inputs are used as given: bool arrays cannot be subtracted in NumPy (TypeError), and lengths are not checked.

Pattern: 2
"""
import numpy as np


def paired_bootstrap_ci(correct_a, correct_b, rng, n_resamples=1000, confidence=0.95):
    a, b = np.asarray(correct_a), np.asarray(correct_b)
    n = a.size
    diffs = (a - b)[rng.integers(0, n, size=(n_resamples, n))].mean(1)
    low, high = np.quantile(diffs, [(1 - confidence) / 2, (1 + confidence) / 2])
    return float(a.mean() - b.mean()), float(low), float(high)
