"""Unknown target names silently contribute 0 (dict.get(name, (0, 0))) instead of raising ValueError.

Pattern: 2
A typo such as "qproj" or a GPT-2 name like "c_attn" then undercounts without any warning.
"""


def lora_trainable_params(config: dict, r: int, targets) -> int:
    h = config["hidden_size"]
    hd = config.get("head_dim", h // config["num_attention_heads"])
    nq, nkv = config["num_attention_heads"] * hd, config["num_key_value_heads"] * hd
    ff = config["intermediate_size"]
    sizes = {"q_proj": (h, nq), "k_proj": (h, nkv), "v_proj": (h, nkv), "o_proj": (nq, h),
             "gate_proj": (h, ff), "up_proj": (h, ff), "down_proj": (ff, h)}
    return config["num_hidden_layers"] * sum(r * sum(sizes.get(t, (0, 0))) for t in targets)
