"""Uses (1 + cos theta) / 2 as the single-bit collision probability: equal to 1 - theta/pi at 0, pi/2 and pi only.

Pattern: 4
"""
import math
import torch


def simhash(x, planes):
    return (x @ planes.T) >= 0


def lsh_collision_probability(theta: float, n_bits: int = 1, n_tables: int = 1) -> float:
    p = (1.0 + math.cos(theta)) / 2.0
    return 1.0 - (1.0 - p ** n_bits) ** n_tables
