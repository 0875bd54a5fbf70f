"""simhash uses a strict `> 0`: a projection of exactly 0 (e.g. a zero vector) gets bit False instead of True.

Pattern: 1
`torch.sign(x @ planes.T) > 0` (or `> 0`) disagrees with the documented `>= 0` only on exact
zeros, which random data never produces; a zero row or a vector lying on a hyperplane shows it.
"""
import math

import torch


def simhash(x: torch.Tensor, planes: torch.Tensor) -> torch.Tensor:
    return torch.sign(x @ planes.T) > 0


def lsh_collision_probability(theta: float, n_bits: int = 1, n_tables: int = 1) -> float:
    p = 1.0 - theta / math.pi
    return 1.0 - (1.0 - p ** n_bits) ** n_tables
