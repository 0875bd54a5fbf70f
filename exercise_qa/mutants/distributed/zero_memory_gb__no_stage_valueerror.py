"""Treats every stage other than 0, 1, 2 as ZeRO-3: stage 4 or -1 returns a number instead of raising the documented ValueError.

Pattern: 2
"""


def zero_memory_gb(n_params: float, n_gpus: int, stage: int, optimizer_bytes: float = 12) -> float:
    psi, K, N = n_params, optimizer_bytes, n_gpus
    if stage == 0:
        b = (2 + 2 + K) * psi
    elif stage == 1:
        b = 2 * psi + 2 * psi + K * psi / N
    elif stage == 2:
        b = 2 * psi + (2 + K) * psi / N
    else:
        b = (2 + 2 + K) * psi / N
    return b / 1e9
