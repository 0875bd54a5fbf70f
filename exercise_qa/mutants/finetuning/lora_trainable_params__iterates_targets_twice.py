"""targets iterated twice (validate, then sum): a generator or other one-shot iterable is exhausted and the count is 0.

Pattern: 4
Works for the lists and tuples every example uses; the signature accepts any iterable (e.g.
`(n for n in names if n.endswith("_proj"))`), whose second pass is empty.
"""


def lora_trainable_params(config: dict, r: int, targets) -> int:
    h = config["hidden_size"]
    hd = config.get("head_dim") or h // config["num_attention_heads"]
    q = config["num_attention_heads"] * hd
    kv = config["num_key_value_heads"] * hd
    inter = config["intermediate_size"]
    shapes = {"q_proj": (h, q), "k_proj": (h, kv), "v_proj": (h, kv), "o_proj": (q, h),
              "gate_proj": (h, inter), "up_proj": (h, inter), "down_proj": (inter, h)}
    bad = [t for t in targets if t not in shapes]
    if bad:
        raise ValueError(f"unknown LoRA targets: {bad}")
    return config["num_hidden_layers"] * sum(r * (shapes[t][0] + shapes[t][1]) for t in targets)
