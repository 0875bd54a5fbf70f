"""Forgets the 2*Psi bytes of fp16 gradients: counts only weights and optimizer states."""


def zero_memory_gb(n_params, n_gpus, stage, optimizer_bytes=12):
    if stage not in (0, 1, 2, 3):
        raise ValueError(stage)
    weights = 2.0 * n_params / (n_gpus if stage == 3 else 1)
    states = optimizer_bytes * n_params / (n_gpus if stage >= 1 else 1)
    return (weights + states) / 1e9
