"""Mixes conventions: rotates adjacent channel pairs (0,1), (2,3)... with the half-split cos/sin tables."""
import torch


def apply_rope(x, cos, sin):
    pairs = x.unflatten(-1, (-1, 2))
    rotated = torch.stack([-pairs[..., 1], pairs[..., 0]], dim=-1).flatten(-2)
    return x * cos + rotated * sin
