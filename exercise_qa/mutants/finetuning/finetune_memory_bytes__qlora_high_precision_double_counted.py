"""QLoRA counts ALL n_params at 4 bits and then adds the bf16 high-precision parameters on top (counted twice).

Pattern: 2
The markdown says n_params already includes the n_high_precision parameters; those are stored in
bf16 instead of 4-bit, not in addition to it.
"""


def finetune_memory_bytes(n_params: int, method: str, n_trainable: int = 0, n_high_precision: int = 0,
                          double_quant: bool = False) -> float:
    if method == "full":
        return float(16 * n_params)
    if method == "lora":
        return float(2 * n_params + 16 * n_trainable)
    if method == "qlora":
        const_bits = 8 / 64 + 32 / (64 * 256) if double_quant else 32 / 64
        base = n_params * (4 + const_bits) / 8
        return float(base + 2 * n_high_precision + 16 * n_trainable)
    raise ValueError(f"unknown method {method!r}")
