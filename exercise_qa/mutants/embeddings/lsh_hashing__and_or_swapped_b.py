"""Swaps the AND and OR amplification: computes (1 - (1 - p)**L)**b instead of 1 - (1 - p**b)**L, identical only for one bit and one table.

Pattern: 4
"""
import math
import torch


def simhash(x, planes):
    return (x @ planes.T) >= 0


def lsh_collision_probability(theta: float, n_bits: int = 1, n_tables: int = 1) -> float:
    p = 1.0 - theta / math.pi
    return (1.0 - (1.0 - p) ** n_tables) ** n_bits
