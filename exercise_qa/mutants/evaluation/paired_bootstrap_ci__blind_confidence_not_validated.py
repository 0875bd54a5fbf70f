r"""paired_bootstrap_ci does not validate confidence, so confidence = 1 (or 0) returns the min-max range instead of raising ValueError.

Pattern: 2
"""
import numpy as np


def paired_bootstrap_ci(correct_a, correct_b, rng: np.random.Generator, n_resamples: int = 1000,
                        confidence: float = 0.95) -> tuple[float, float, float]:
    """Paired percentile-bootstrap confidence interval for mean(correct_a) - mean(correct_b)."""
    a = np.asarray(correct_a, dtype=np.float64)
    b = np.asarray(correct_b, dtype=np.float64)
    if a.ndim != 1 or b.ndim != 1 or a.shape != b.shape or a.size == 0:
        raise ValueError(f"need two 1-D inputs of the same non-zero length, got {a.shape} and {b.shape}")
    if n_resamples < 1:
        raise ValueError(f"n_resamples must be >= 1, got {n_resamples}")
    n = a.size
    diff = a - b
    indices = rng.integers(0, n, size=(n_resamples, n))
    differences = diff[indices].mean(axis=1)
    low, high = np.quantile(differences, [(1 - confidence) / 2, (1 + confidence) / 2])
    return float(a.mean() - b.mean()), float(low), float(high)
