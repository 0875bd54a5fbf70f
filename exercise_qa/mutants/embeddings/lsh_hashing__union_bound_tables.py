"""Tables combined with a union bound, min(1, L * p^b), instead of 1 - (1 - p^b)^L.

Pattern: 1
Exact for one table, and close when L * p^b is small; it overestimates (and saturates at 1)
as soon as several tables each collide with fair probability.
"""
import math

import torch


def simhash(x: torch.Tensor, planes: torch.Tensor) -> torch.Tensor:
    return torch.einsum("nd,bd->nb", x, planes) >= 0


def lsh_collision_probability(theta: float, n_bits: int = 1, n_tables: int = 1) -> float:
    p_table = (1.0 - theta / math.pi) ** n_bits
    return float(min(1.0, n_tables * p_table))
