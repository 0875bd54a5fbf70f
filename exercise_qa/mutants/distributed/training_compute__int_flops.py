"""Returns 6 * N * D without converting: integer inputs give an int FLOP count instead of the documented float.

Pattern: 2
"""


def training_compute(n_params, n_tokens, n_gpus, peak_flops, mfu):
    flops = 6 * n_params * n_tokens
    hours = flops / (n_gpus * peak_flops * mfu) / 3600
    return flops, hours
