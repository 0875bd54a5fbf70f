"""head_dim always computed as hidden_size // num_attention_heads, ignoring an explicit config["head_dim"].

Pattern: 4
Right whenever head_dim happens to equal hidden / heads (Llama-3-8B: 4096 / 32 = 128, the visible
case); Gemma-style configs with a larger head_dim (e.g. hidden 2048, 8 heads, head_dim 256) give
a different q/k/v/o size.
"""


def lora_trainable_params(config: dict, r: int, targets) -> int:
    hidden = config["hidden_size"]
    head_dim = hidden // config["num_attention_heads"]
    q_out = config["num_attention_heads"] * head_dim
    kv_out = config["num_key_value_heads"] * head_dim
    inter = config["intermediate_size"]
    dims = {
        "q_proj": (hidden, q_out), "k_proj": (hidden, kv_out), "v_proj": (hidden, kv_out),
        "o_proj": (q_out, hidden), "gate_proj": (hidden, inter), "up_proj": (hidden, inter),
        "down_proj": (inter, hidden),
    }
    per_layer = 0
    for name in targets:
        if name not in dims:
            raise ValueError(f"unknown LoRA target {name!r}")
        d_in, d_out = dims[name]
        per_layer += r * (d_in + d_out)
    return config["num_hidden_layers"] * per_layer
