"""Rounds the wall-clock time to 0.1 h for display: 57.58 h comes back as 57.6, off by more than a 1e-9 relative tolerance.

Pattern: 3
"""


def training_compute(n_params, n_tokens, n_gpus, peak_flops, mfu):
    flops = 6.0 * n_params * n_tokens
    seconds = flops / (n_gpus * peak_flops * mfu)
    return float(flops), round(seconds / 3600.0, 1)
