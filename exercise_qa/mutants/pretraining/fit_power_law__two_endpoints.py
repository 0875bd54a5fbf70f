"""The line goes through the first and last points only: exact on noise-free data, not least squares on noisy data.

Pattern: 3
"""
import math


def fit_power_law(x, y, offset=0.0):
    x = [float(v) for v in x]
    y = [float(v) - offset for v in y]
    if len(x) != len(y) or len(x) < 2 or min(x) <= 0 or min(y) <= 0 or len(set(x)) < 2:
        raise ValueError("bad data")
    slope = (math.log(y[-1]) - math.log(y[0])) / (math.log(x[-1]) - math.log(x[0]))
    intercept = math.log(y[0]) - slope * math.log(x[0])
    return math.exp(intercept), -slope
