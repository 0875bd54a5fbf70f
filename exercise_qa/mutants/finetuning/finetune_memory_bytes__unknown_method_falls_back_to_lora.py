"""Any method other than "full" and "qlora" falls through to the LoRA formula instead of raising ValueError.

Pattern: 2
"LoRA", "dora" or a typo silently get a number.
"""


def finetune_memory_bytes(n_params: int, method: str, n_trainable: int = 0, n_high_precision: int = 0,
                          double_quant: bool = False) -> float:
    if method == "full":
        return 16.0 * n_params
    if method == "qlora":
        extra = (8 / 64 + 32 / (64 * 256)) if double_quant else 0.5
        return (n_params - n_high_precision) * (4 + extra) / 8 + 2.0 * n_high_precision + 16.0 * n_trainable
    # lora
    return 2.0 * n_params + 16.0 * n_trainable
