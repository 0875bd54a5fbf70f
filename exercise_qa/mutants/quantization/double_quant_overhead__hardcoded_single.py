"""single_bits hard-coded to the QLoRA default 0.5 (32/64) whatever block_size is passed.

Pattern: 4
"""
import torch


def double_quant_overhead(n_params: float, block_size: int = 64, block_size2: int = 256) -> dict:
    single_bits = 0.5  # fp32 absmax per 64 weights
    double_bits = 8 / block_size + 32 / (block_size * block_size2)
    saved_bits = single_bits - double_bits
    saved_gb = saved_bits * n_params / 8 / 1e9
    return {"single_bits": float(single_bits), "double_bits": float(double_bits),
            "saved_bits": float(saved_bits), "saved_gb": float(saved_gb)}
