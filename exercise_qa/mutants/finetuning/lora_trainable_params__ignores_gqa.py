"""Treats k_proj and v_proj as hidden -> hidden, ignoring grouped-query attention's narrower K/V width."""


def lora_trainable_params(config, r, targets):
    hidden = config["hidden_size"]
    head_dim = config.get("head_dim") or hidden // config["num_attention_heads"]
    q_width = config["num_attention_heads"] * head_dim
    ffn = config["intermediate_size"]
    shapes = {"q_proj": (hidden, q_width), "k_proj": (hidden, q_width), "v_proj": (hidden, q_width),
              "o_proj": (q_width, hidden), "gate_proj": (hidden, ffn), "up_proj": (hidden, ffn),
              "down_proj": (ffn, hidden)}
    total = 0
    for name in targets:
        if name not in shapes:
            raise ValueError(name)
        total += r * sum(shapes[name])
    return config["num_hidden_layers"] * total
