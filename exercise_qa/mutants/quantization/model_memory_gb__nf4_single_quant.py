"""NF4 counted with a plain fp32 absmax per 64 weights (4.5 bits) instead of the double-quantized scales of Part E (4.127 bits).

Pattern: 2
"""
import torch


def model_memory_gb(n_params: float, fmt: str) -> float:
    bits = {
        "fp32": 32, "fp16": 16, "bf16": 16, "int8": 8, "fp8": 8, "int4": 4,
        "q8_0": 34 * 8 / 32,
        "q4_0": 18 * 8 / 32,
        "nf4": 4 + 32 / 64,
    }
    if fmt not in bits:
        raise ValueError(f"unknown format {fmt!r}")
    return float(n_params * bits[fmt] / 8 / 1e9)
