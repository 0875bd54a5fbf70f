"""Uses 1 - theta/(2 pi) for the single-bit collision probability."""
import math


def lsh_collision_probability(theta, n_bits=1, n_tables=1):
    p = 1.0 - theta / (2 * math.pi)
    return 1.0 - (1.0 - p ** n_bits) ** n_tables
