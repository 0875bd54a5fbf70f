"""saved_gb rounded to two decimals "for display": off by up to 0.005 GB, a relative error a loose tolerance may not notice.

Pattern: 3
"""
import torch


def double_quant_overhead(n_params: float, block_size: int = 64, block_size2: int = 256) -> dict:
    single_bits = 32 / block_size
    double_bits = 8 / block_size + 32 / (block_size * block_size2)
    saved_bits = single_bits - double_bits
    saved_gb = saved_bits * n_params / 8 / 1e9
    return {"single_bits": float(single_bits), "double_bits": float(double_bits),
            "saved_bits": float(saved_bits), "saved_gb": round(saved_gb, 2)}
