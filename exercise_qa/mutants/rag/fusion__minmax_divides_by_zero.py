"""Min-max normalisation divides by max - min even when the scores are constant (NaN)."""
import numpy as np


def minmax_normalize(scores):
    s = np.asarray(scores, dtype=np.float64)
    with np.errstate(invalid="ignore", divide="ignore"):
        return (s - s.min()) / (s.max() - s.min())
