"""The offset (irreducible loss) is not subtracted: log L is fitted as if L went to 0, which flattens the exponent.

Pattern: 4
Right when offset = 0.
"""
import math

import numpy as np


def fit_power_law(x, y, offset=0.0):
    x = np.asarray(x, dtype=np.float64).ravel()
    y = np.asarray(y, dtype=np.float64).ravel()
    if x.size != y.size or x.size < 2 or (x <= 0).any() or (y <= offset).any() or (x == x[0]).all():
        raise ValueError("bad data")
    slope, intercept = np.polyfit(np.log(x), np.log(y), 1)
    return math.exp(intercept), float(-slope)
