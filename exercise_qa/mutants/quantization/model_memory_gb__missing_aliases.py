"""The format table lists only one name per width ("fp16", "int8"), so "bf16" and "fp8" raise ValueError.

Pattern: 5
"""
import torch


def model_memory_gb(n_params: float, fmt: str) -> float:
    bits = {
        "fp32": 32, "fp16": 16, "int8": 8, "int4": 4,
        "q8_0": 34 * 8 / 32,
        "q4_0": 18 * 8 / 32,
        "nf4": 4 + 8 / 64 + 32 / (64 * 256),
    }
    if fmt not in bits:
        raise ValueError(f"unknown format {fmt!r}")
    return float(n_params * bits[fmt] / 8 / 1e9)
