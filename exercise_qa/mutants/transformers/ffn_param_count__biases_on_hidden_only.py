"""Forgets the output layer's bias (d_model) when counting biases."""


def ffn_param_count(d_model, d_ff, gated, bias=False):
    n_in = 2 if gated else 1
    return (n_in + 1) * d_model * d_ff + (n_in * d_ff if bias else 0)
