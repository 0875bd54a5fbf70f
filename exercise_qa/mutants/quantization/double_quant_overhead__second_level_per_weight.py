"""Spreads each fp32 second-level constant over block_size2 weights instead of block_size * block_size2."""


def double_quant_overhead(n_params, block_size=64, block_size2=256):
    single = 32 / block_size
    double = 8 / block_size + 32 / block_size2
    return {"single_bits": single, "double_bits": double, "saved_bits": single - double,
            "saved_gb": n_params * (single - double) / 8 / 1e9}
