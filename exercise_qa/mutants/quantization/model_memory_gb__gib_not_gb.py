"""Reports GiB (2**30 bytes) while claiming GB (10**9 bytes)."""


def model_memory_gb(n_params, fmt):
    bits = {"fp32": 32, "fp16": 16, "bf16": 16, "int8": 8, "fp8": 8, "int4": 4, "q8_0": 8.5, "q4_0": 4.5,
            "nf4": 4 + 8 / 64 + 32 / (64 * 256)}
    if fmt not in bits:
        raise ValueError(fmt)
    return float(n_params * bits[fmt] / 8 / 2**30)
