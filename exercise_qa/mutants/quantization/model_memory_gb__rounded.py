"""Rounds the result to one decimal place "like a spec sheet": right for 70B models, off by up to 0.05 GB for small ones.

Pattern: 3
"""
import torch


def model_memory_gb(n_params: float, fmt: str) -> float:
    bits = {
        "fp32": 32, "fp16": 16, "bf16": 16, "int8": 8, "fp8": 8, "int4": 4,
        "q8_0": 34 * 8 / 32,
        "q4_0": 18 * 8 / 32,
        "nf4": 4 + 8 / 64 + 32 / (64 * 256),
    }
    if fmt not in bits:
        raise ValueError(f"unknown format {fmt!r}")
    return round(n_params * bits[fmt] / 8 / 1e9, 1)
