"""z-score normalisation with the sample standard deviation (ddof=1) instead of the population one."""
import numpy as np


def zscore_normalize(scores):
    s = np.asarray(scores, dtype=np.float64)
    if len(s) < 2 or s.std() == 0:
        return np.zeros_like(s)
    return (s - s.mean()) / s.std(ddof=1)
