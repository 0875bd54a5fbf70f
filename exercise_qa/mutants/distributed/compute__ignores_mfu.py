"""Assumes the GPUs run at 100% of their peak: the MFU is left out of the time."""


def training_compute(n_params, n_tokens, n_gpus, peak_flops, mfu):
    flops = 6.0 * n_params * n_tokens
    return flops, flops / (n_gpus * peak_flops) / 3600.0
