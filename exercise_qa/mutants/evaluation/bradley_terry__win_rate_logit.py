"""Each model's strength is the log-odds of its overall win rate, ignoring who it played.

Pattern: 5
"""
import numpy as np


def bradley_terry(wins):
    wins = np.array(wins, dtype=np.float64)
    if wins.ndim != 2 or wins.shape[0] != wins.shape[1] or wins.shape[0] < 2:
        raise ValueError("shape")
    if np.any(wins < 0) or np.any(np.diag(wins) != 0):
        raise ValueError("entries")
    rate = wins.sum(1) / (wins + wins.T).sum(1)
    if np.any(rate <= 0) or np.any(rate >= 1):
        raise ValueError("a model never lost or never won")
    theta = np.log(rate / (1 - rate))
    return theta - theta.mean()
