"""Partitions only momentum and variance (8 B) and keeps the 4 B fp32 master copy replicated on every GPU."""


def zero_memory_gb(n_params, n_gpus, stage, optimizer_bytes=12):
    if stage not in (0, 1, 2, 3):
        raise ValueError(stage)
    nd = n_gpus
    weights = 2.0 * n_params / (nd if stage == 3 else 1)
    grads = 2.0 * n_params / (nd if stage >= 2 else 1)
    states = 4.0 * n_params + (optimizer_bytes - 4.0) * n_params / (nd if stage >= 1 else 1)
    return (weights + grads + states) / 1e9
