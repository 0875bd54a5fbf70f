"""Model b's update is computed from model a's already updated rating, so the match is not zero-sum.

Pattern: 2
"""
import numpy as np


def elo_ratings(matches, n_models, k_factor=32.0, initial=1000.0):
    r = np.full(n_models, float(initial))
    for a, b, s in matches:
        if not (0 <= a < n_models and 0 <= b < n_models) or a == b or s not in (0, 0.5, 1):
            raise ValueError("bad match")
        r[a] += k_factor * (s - 1 / (1 + 10 ** ((r[b] - r[a]) / 400)))
        r[b] += k_factor * ((1 - s) - 1 / (1 + 10 ** ((r[a] - r[b]) / 400)))
    return r
