"""Shards the parameter count with n_params // n_gpus: exact only when Psi is a multiple of the GPU count.

Pattern: 4
"""


def zero_memory_gb(n_params: float, n_gpus: int, stage: int, optimizer_bytes: float = 12) -> float:
    if stage not in (0, 1, 2, 3):
        raise ValueError("invalid ZeRO stage")
    shard = n_params // n_gpus
    K = optimizer_bytes
    if stage == 0:
        total = (4 + K) * n_params
    elif stage == 1:
        total = 4 * n_params + K * shard
    elif stage == 2:
        total = 2 * n_params + (2 + K) * shard
    else:
        total = (4 + K) * shard
    return float(total / 1e9)
