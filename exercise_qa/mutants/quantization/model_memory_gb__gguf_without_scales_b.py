"""Treats the GGUF block formats as their code width only (q8_0 = 8, q4_0 = 4 bits), forgetting the fp16 scale in every 32-weight block.

Pattern: 2
"""
import torch


def model_memory_gb(n_params: float, fmt: str) -> float:
    bits = {
        "fp32": 32, "fp16": 16, "bf16": 16, "int8": 8, "fp8": 8, "int4": 4,
        "q8_0": 8,
        "q4_0": 4,
        "nf4": 4 + 8 / 64 + 32 / (64 * 256),
    }
    if fmt not in bits:
        raise ValueError(f"unknown format {fmt!r}")
    return float(n_params * bits[fmt] / 8 / 1e9)
