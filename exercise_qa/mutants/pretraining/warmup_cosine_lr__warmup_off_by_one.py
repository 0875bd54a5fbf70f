"""The warm-up is base_lr * (step + 1) / warmup_steps, not the documented step / warmup_steps (0 at step 0).

Pattern: 3
"""
import math


def warmup_cosine_lr(step, *, base_lr, warmup_steps, total_steps, min_lr=0.0):
    if step < 0 or warmup_steps < 0 or total_steps <= warmup_steps or not 0.0 <= min_lr <= base_lr:
        raise ValueError("bad schedule")
    if step < warmup_steps:
        return base_lr * (step + 1) / warmup_steps
    if step > total_steps:
        return float(min_lr)
    progress = (step - warmup_steps) / (total_steps - warmup_steps)
    return float(min_lr + (base_lr - min_lr) * 0.5 * (1.0 + math.cos(math.pi * progress)))
