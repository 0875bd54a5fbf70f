"""Rounds the result to one decimal 'like the paper's table': 31.40625 GB comes back as 31.4, an error only a tight tolerance sees.

Pattern: 3
"""


def zero_memory_gb(n_params: float, n_gpus: int, stage: int, optimizer_bytes: float = 12) -> float:
    if stage not in (0, 1, 2, 3):
        raise ValueError(f"stage must be 0-3, got {stage}")
    weights, grads, opt = 2.0 * n_params, 2.0 * n_params, optimizer_bytes * n_params
    if stage >= 1:
        opt /= n_gpus
    if stage >= 2:
        grads /= n_gpus
    if stage >= 3:
        weights /= n_gpus
    return round((weights + grads + opt) / 1e9, 1)
