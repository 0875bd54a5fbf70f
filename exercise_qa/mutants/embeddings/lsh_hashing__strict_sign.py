"""simhash uses > 0 instead of >= 0: a projection of exactly 0 (e.g. the zero vector or integer data on a plane) gets bit False instead of True.

Pattern: 1
"""
import math
import torch


def simhash(x, planes):
    return (x @ planes.T) > 0


def lsh_collision_probability(theta: float, n_bits: int = 1, n_tables: int = 1) -> float:
    p = 1.0 - theta / math.pi
    return 1.0 - (1.0 - p ** n_bits) ** n_tables
