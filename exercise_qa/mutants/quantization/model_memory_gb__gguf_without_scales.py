"""Counts GGUF Q4_0/Q8_0 as 4 and 8 bits per weight, forgetting the fp16 scale stored with every 32-weight block."""


def model_memory_gb(n_params, fmt):
    bits = {"fp32": 32, "fp16": 16, "bf16": 16, "int8": 8, "fp8": 8, "int4": 4, "q8_0": 8, "q4_0": 4,
            "nf4": 4 + 8 / 64 + 32 / (64 * 256)}
    if fmt not in bits:
        raise ValueError(fmt)
    return float(n_params * bits[fmt] / 8 / 1e9)
