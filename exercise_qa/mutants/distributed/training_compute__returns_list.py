"""Returns [flops, hours] as a list rather than the documented tuple.

Pattern: 2
"""


def training_compute(n_params, n_tokens, n_gpus, peak_flops, mfu):
    flops = float(6 * n_params * n_tokens)
    throughput = n_gpus * peak_flops * mfu
    return [flops, flops / throughput / 3600.0]
