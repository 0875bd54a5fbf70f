"""Double quantization counted as 8/64 bit per parameter only, forgetting the second-level fp32 constant (32 / (64 * 256)).

Pattern: 3
4.125 instead of 4.127 bits per quantized weight: a 0.05 % error that a loose tolerance accepts and
the hand count at rtol = 1e-9 does not.
"""


def finetune_memory_bytes(n_params: int, method: str, n_trainable: int = 0, n_high_precision: int = 0,
                          double_quant: bool = False) -> float:
    if method == "full":
        return float(n_params) * 16.0
    if method == "lora":
        return float(n_params) * 2.0 + 16.0 * n_trainable
    if method == "qlora":
        bits_per_weight = 4 + (8 / 64 if double_quant else 32 / 64)
        quantized = n_params - n_high_precision
        return quantized * bits_per_weight / 8 + 2.0 * n_high_precision + 16.0 * n_trainable
    raise ValueError(f"unknown method {method!r}")
