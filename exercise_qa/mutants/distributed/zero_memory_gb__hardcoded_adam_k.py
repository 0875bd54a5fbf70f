"""Hard-codes K = 12 bytes of Adam state per parameter and ignores the optimizer_bytes argument.

Pattern: 4
"""


def zero_memory_gb(n_params: float, n_gpus: int, stage: int, optimizer_bytes: float = 12) -> float:
    if stage not in range(4):
        raise ValueError("stage must be 0, 1, 2 or 3")
    table = {
        0: 16 * n_params,
        1: 4 * n_params + 12 * n_params / n_gpus,
        2: 2 * n_params + 14 * n_params / n_gpus,
        3: 16 * n_params / n_gpus,
    }
    return float(table[stage]) / 1e9
