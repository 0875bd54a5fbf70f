"""Adds the second-level fp32 constants but leaves the first-level absmax values at 32 bits instead of 8."""


def double_quant_overhead(n_params, block_size=64, block_size2=256):
    single = 32 / block_size
    double = 32 / block_size + 32 / (block_size * block_size2)
    return {"single_bits": single, "double_bits": double, "saved_bits": single - double,
            "saved_gb": n_params * (single - double) / 8 / 1e9}
