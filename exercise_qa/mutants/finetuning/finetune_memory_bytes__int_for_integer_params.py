"""16 * n_params returned as is: an int when n_params is an int, although the contract says float.

Pattern: 2
The visible test passes 7e9 (a float), so the result is a float there; finetune_memory_bytes(7_000_000_000, "full")
returns the int 112000000000.
"""


def finetune_memory_bytes(n_params: int, method: str, n_trainable: int = 0, n_high_precision: int = 0,
                          double_quant: bool = False) -> float:
    per_trainable = 2 + 2 + 4 + 4 + 4
    if method == "full":
        return per_trainable * n_params
    if method == "lora":
        return 2 * n_params + per_trainable * n_trainable
    if method == "qlora":
        bits = 4 + (8 / 64 + 32 / (64 * 256) if double_quant else 32 / 64)
        n_quant = n_params - n_high_precision
        return n_quant * bits / 8 + 2 * n_high_precision + per_trainable * n_trainable
    raise ValueError(f"unknown method {method!r}")
