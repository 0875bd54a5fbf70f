"""Collision probability with the AND and OR swapped: (1 - (1 - p)^b)^L instead of 1 - (1 - p^b)^L.

Pattern: 1
Both reduce to p for the default one bit and one table (the visible case); with several bits per
key and several tables the amplification goes the wrong way.
"""
import math

import torch


def simhash(x: torch.Tensor, planes: torch.Tensor) -> torch.Tensor:
    return (x @ planes.T) >= 0


def lsh_collision_probability(theta: float, n_bits: int = 1, n_tables: int = 1) -> float:
    p = 1.0 - theta / math.pi
    return float((1.0 - (1.0 - p) ** n_bits) ** n_tables)
