"""Counts r * d_in per adapted module (only A), forgetting B's d_out * r parameters."""


def lora_trainable_params(config, r, targets):
    hidden = config["hidden_size"]
    head_dim = config.get("head_dim") or hidden // config["num_attention_heads"]
    d_in = {"q_proj": hidden, "k_proj": hidden, "v_proj": hidden, "gate_proj": hidden, "up_proj": hidden,
            "o_proj": config["num_attention_heads"] * head_dim, "down_proj": config["intermediate_size"]}
    total = 0
    for name in targets:
        if name not in d_in:
            raise ValueError(name)
        total += r * d_in[name]
    return config["num_hidden_layers"] * total
