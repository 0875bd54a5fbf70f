"""Looks the format up with bits[fmt] and no check: an unknown format raises KeyError, not the documented ValueError.

Pattern: 2
"""
import torch


def model_memory_gb(n_params: float, fmt: str) -> float:
    bits = {
        "fp32": 32, "fp16": 16, "bf16": 16, "int8": 8, "fp8": 8, "int4": 4,
        "q8_0": 34 * 8 / 32,
        "q4_0": 18 * 8 / 32,
        "nf4": 4 + 8 / 64 + 32 / (64 * 256),
    }
    return float(n_params * bits[fmt] / 8 / 1e9)
