"""Counts Adam's optimizer state as 2 B per parameter in total instead of 4 + 4 bytes in fp32."""


def finetune_memory_bytes(n_params, method, n_trainable=0, n_high_precision=0, double_quant=False):
    per_trainable = 2 + 2 + 4 + 2
    if method == "full":
        return float(per_trainable * n_params)
    if method == "lora":
        return float(2 * n_params + per_trainable * n_trainable)
    if method == "qlora":
        extra = 8 / 64 + 32 / (64 * 256) if double_quant else 0.5
        return float((n_params - n_high_precision) * (4 + extra) / 8 + 2 * n_high_precision
                     + per_trainable * n_trainable)
    raise ValueError(method)
