"""Combines the tables as L * p^b instead of 1 - (1 - p^b)^L."""
import math


def lsh_collision_probability(theta, n_bits=1, n_tables=1):
    p = 1.0 - theta / math.pi
    return float(n_tables * p ** n_bits)
