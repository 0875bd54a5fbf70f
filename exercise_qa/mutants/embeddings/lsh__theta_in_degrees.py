"""Converts the angle to degrees before using 1 - theta/pi."""
import math


def lsh_collision_probability(theta, n_bits=1, n_tables=1):
    p = 1.0 - math.degrees(theta) / math.pi
    return 1.0 - (1.0 - p ** n_bits) ** n_tables
