"""The two models are resampled independently, which throws away the pairing and widens the interval.

Pattern: 5
"""
import numpy as np


def paired_bootstrap_ci(correct_a, correct_b, rng, n_resamples=1000, confidence=0.95):
    a, b = np.asarray(correct_a, dtype=float), np.asarray(correct_b, dtype=float)
    if a.ndim != 1 or a.shape != b.shape or a.size == 0 or n_resamples < 1 or not 0 < confidence < 1:
        raise ValueError("bad input")
    n = a.size
    da = a[rng.integers(0, n, size=(n_resamples, n))].mean(1)
    db = b[rng.integers(0, n, size=(n_resamples, n))].mean(1)
    low, high = np.quantile(da - db, [(1 - confidence) / 2, (1 + confidence) / 2])
    return float(a.mean() - b.mean()), float(low), float(high)
