"""Counts a gated FFN as two matrices, forgetting the gate projection."""


def ffn_param_count(d_model, d_ff, gated, bias=False):
    return 2 * d_model * d_ff + ((d_ff + d_model) if bias else 0)
