"""Counts a 4-bit NF4 weight as 1 byte (bits and bytes confused) in QLoRA."""


def finetune_memory_bytes(n_params, method, n_trainable=0, n_high_precision=0, double_quant=False):
    if method == "full":
        return float(16 * n_params)
    if method == "lora":
        return float(2 * n_params + 16 * n_trainable)
    if method == "qlora":
        extra = 8 / 64 + 32 / (64 * 256) if double_quant else 0.5
        return float((n_params - n_high_precision) * (1 + extra / 8) + 2 * n_high_precision + 16 * n_trainable)
    raise ValueError(method)
