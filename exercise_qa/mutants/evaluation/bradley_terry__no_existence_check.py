"""No existence check: MM runs a fixed number of iterations on a record where a model never lost, and returns large finite numbers.

Pattern: 2
"""
import numpy as np


def bradley_terry(wins):
    wins = np.array(wins, dtype=np.float64)
    if wins.ndim != 2 or wins.shape[0] != wins.shape[1] or wins.shape[0] < 2:
        raise ValueError("shape")
    if np.any(wins < 0) or np.any(np.diag(wins) != 0):
        raise ValueError("entries")
    games, won = wins + wins.T, wins.sum(1)
    p = np.ones(len(wins))
    for _ in range(20000):
        new = np.maximum(won, 1e-300) / (games / (p[:, None] + p[None, :])).sum(1)
        new /= np.exp(np.log(new).mean())
        if np.max(np.abs(np.log(new) - np.log(p))) < 1e-13:
            p = new
            break
        p = new
    theta = np.log(p)
    return theta - theta.mean()
