"""Counts QLoRA's base as exactly 4 bits per weight, forgetting the absmax block constants."""


def finetune_memory_bytes(n_params, method, n_trainable=0, n_high_precision=0, double_quant=False):
    if method == "full":
        return float(16 * n_params)
    if method == "lora":
        return float(2 * n_params + 16 * n_trainable)
    if method == "qlora":
        return float((n_params - n_high_precision) * 4 / 8 + 2 * n_high_precision + 16 * n_trainable)
    raise ValueError(method)
