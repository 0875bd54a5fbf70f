"""Default head_dim computed with true division, hidden_size / num_attention_heads: the count comes back as a float.

Pattern: 2
With head_dim in the config (the visible case) everything stays int; a config without it returns
e.g. 13631488.0 instead of an int.
"""


def lora_trainable_params(config: dict, r: int, targets) -> int:
    hidden = config["hidden_size"]
    head_dim = config["head_dim"] if "head_dim" in config else hidden / config["num_attention_heads"]
    q_dim = config["num_attention_heads"] * head_dim
    kv_dim = config["num_key_value_heads"] * head_dim
    inter = config["intermediate_size"]
    table = {
        "q_proj": hidden + q_dim, "k_proj": hidden + kv_dim, "v_proj": hidden + kv_dim,
        "o_proj": q_dim + hidden, "gate_proj": hidden + inter, "up_proj": hidden + inter,
        "down_proj": inter + hidden,
    }
    total = 0
    for t in targets:
        if t not in table:
            raise ValueError(f"unknown target module {t}")
        total += r * table[t]
    return total * config["num_hidden_layers"]
