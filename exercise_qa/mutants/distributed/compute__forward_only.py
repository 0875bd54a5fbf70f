"""Uses C = 2ND (the forward pass only), forgetting that the backward pass costs twice the forward."""


def training_compute(n_params, n_tokens, n_gpus, peak_flops, mfu):
    flops = 2.0 * n_params * n_tokens
    return flops, flops / (n_gpus * peak_flops * mfu) / 3600.0
