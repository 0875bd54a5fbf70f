"""Collision probability computed with torch and returned as a 0-dim float64 tensor, not a Python float.

Pattern: 2
The value is right everywhere (torch.tensor(...) of it in the visible test still works), but the
docstring says "Returns a float".
"""
import math

import torch


def simhash(x: torch.Tensor, planes: torch.Tensor) -> torch.Tensor:
    return (x @ planes.T).ge(0)


def lsh_collision_probability(theta: float, n_bits: int = 1, n_tables: int = 1) -> float:
    p = 1.0 - torch.as_tensor(theta, dtype=torch.float64) / math.pi
    return (1.0 - (1.0 - p ** n_bits) ** n_tables).clamp(0.0, 1.0)
