"""No ValueError: total_steps == warmup_steps divides by zero, a negative step silently gives a negative rate.

Pattern: 2
"""
import math


def warmup_cosine_lr(step, *, base_lr, warmup_steps, total_steps, min_lr=0.0):
    if step < warmup_steps:
        return base_lr * step / warmup_steps
    if step > total_steps:
        return float(min_lr)
    progress = (step - warmup_steps) / max(total_steps - warmup_steps, 1)
    return float(min_lr + (base_lr - min_lr) * 0.5 * (1.0 + math.cos(math.pi * progress)))
