"""No input validation: a self-match, an id out of range (a negative index wraps around) or a score of 0.7 is accepted.

Pattern: 2
"""
import numpy as np


def elo_ratings(matches, n_models, k_factor=32.0, initial=1000.0):
    r = np.full(n_models, float(initial))
    for a, b, s in matches:
        change = k_factor * (s - 1 / (1 + 10 ** ((r[b] - r[a]) / 400)))
        r[a] += change
        r[b] -= change
    return r
