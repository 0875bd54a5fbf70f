"""Sizes the GQA cache with the number of query heads, as if K/V had one head per query head."""


def gqa_savings(n_layers, n_heads, n_kv_heads, head_dim, seq_len, batch_size, bytes_per_element):
    if n_kv_heads < 1 or n_heads % n_kv_heads:
        raise ValueError("n_heads must be a multiple of n_kv_heads")
    mha = kv_cache_bytes(n_layers, n_heads, head_dim, seq_len, batch_size, bytes_per_element)
    gqa = kv_cache_bytes(n_layers, n_heads, head_dim, seq_len, batch_size, bytes_per_element)
    mqa = kv_cache_bytes(n_layers, 1, head_dim, seq_len, batch_size, bytes_per_element)
    return {"mha": mha, "gqa": gqa, "mqa": mqa, "gqa_factor": mha / gqa, "mqa_factor": mha / mqa}
