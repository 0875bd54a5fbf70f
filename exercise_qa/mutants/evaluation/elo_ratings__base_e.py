"""The expected score uses exp((R_b - R_a) / 400) instead of 10**((R_b - R_a) / 400).

Pattern: 3
"""
import math

import numpy as np


def elo_ratings(matches, n_models, k_factor=32.0, initial=1000.0):
    r = np.full(n_models, float(initial))
    for a, b, s in matches:
        if not (0 <= a < n_models and 0 <= b < n_models) or a == b or s not in (0, 0.5, 1):
            raise ValueError("bad match")
        change = k_factor * (s - 1 / (1 + math.exp((r[b] - r[a]) / 400)))
        r[a] += change
        r[b] -= change
    return r
