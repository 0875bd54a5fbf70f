"""No ValueError for a negative step, total_steps <= warmup_steps or min_lr outside [0, base_lr].

Pattern: 2
"""
import math


def warmup_cosine_lr(step: int, *, base_lr: float, warmup_steps: int, total_steps: int,
                     min_lr: float = 0.0) -> float:
    if warmup_steps < 0:
        raise ValueError(f"warmup_steps must be >= 0, got {warmup_steps}")
    if total_steps <= warmup_steps:
        total_steps = warmup_steps + 1
    if step < warmup_steps:
        return float(base_lr * step / warmup_steps)
    if step > total_steps:
        return float(min_lr)
    progress = (step - warmup_steps) / (total_steps - warmup_steps)
    return float(min_lr + (base_lr - min_lr) * 0.5 * (1.0 + math.cos(math.pi * progress)))
