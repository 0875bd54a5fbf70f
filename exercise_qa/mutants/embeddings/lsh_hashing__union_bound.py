"""Approximates P(at least one table) by the union bound n_tables * p**n_bits: exact for one table, too large for several (and can exceed 1).

Pattern: 3
"""
import math
import torch


def simhash(x, planes):
    return (x @ planes.T) >= 0


def lsh_collision_probability(theta: float, n_bits: int = 1, n_tables: int = 1) -> float:
    p = 1.0 - theta / math.pi
    return n_tables * p ** n_bits
