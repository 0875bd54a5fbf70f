"""Returns the fitted slope (negative) as the exponent instead of k = -slope.

Pattern: 2
"""
import math

import numpy as np


def fit_power_law(x, y, offset=0.0):
    x = np.asarray(x, dtype=np.float64).ravel()
    y = np.asarray(y, dtype=np.float64).ravel() - offset
    if x.size != y.size or x.size < 2 or (x <= 0).any() or (y <= 0).any() or (x == x[0]).all():
        raise ValueError("bad data")
    slope, intercept = np.polyfit(np.log(x), np.log(y), 1)
    return math.exp(intercept), float(slope)
