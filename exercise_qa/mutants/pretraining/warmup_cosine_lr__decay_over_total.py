"""The cosine progress is step / total_steps, so the decay starts part-way down and never reaches min_lr.

Pattern: 3
"""
import math


def warmup_cosine_lr(step, *, base_lr, warmup_steps, total_steps, min_lr=0.0):
    if step < 0 or warmup_steps < 0 or total_steps <= warmup_steps or not 0.0 <= min_lr <= base_lr:
        raise ValueError("bad schedule")
    if step < warmup_steps:
        return base_lr * step / warmup_steps
    if step > total_steps:
        return float(min_lr)
    return float(min_lr + (base_lr - min_lr) * 0.5 * (1.0 + math.cos(math.pi * step / total_steps)))
