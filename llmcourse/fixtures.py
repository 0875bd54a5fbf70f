"""Seeded fixtures that give the same numbers on every device."""
import random

import numpy as np
import torch


def seed_everything(seed: int = 0) -> None:
    """Seed Python, NumPy and torch (all devices)."""
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def randn(*shape: int, seed: int = 0, device=None, dtype=torch.float32, scale: float = 1.0,
          requires_grad: bool = False) -> torch.Tensor:
    """Standard-normal tensor drawn on the CPU from its own generator, then moved.

    Drawing on the CPU makes the values identical on CPU and CUDA, so the same tolerances
    hold on both. The global RNG state is left untouched.
    """
    generator = torch.Generator().manual_seed(seed)
    t = torch.randn(*shape, generator=generator, dtype=torch.float64) * scale
    t = t.to(dtype=dtype, device=device)
    return t.requires_grad_(requires_grad)
