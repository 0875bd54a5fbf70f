"""Uses d_model (n_heads x head_dim) as the size of each K/V head instead of head_dim."""


def gqa_savings(n_layers, n_heads, n_kv_heads, head_dim, seq_len, batch_size, bytes_per_element):
    if n_kv_heads < 1 or n_heads % n_kv_heads:
        raise ValueError("n_heads must be a multiple of n_kv_heads")
    d_model = n_heads * head_dim
    mha = kv_cache_bytes(n_layers, 1, d_model, seq_len, batch_size, bytes_per_element)
    gqa = kv_cache_bytes(n_layers, n_kv_heads, d_model, seq_len, batch_size, bytes_per_element)
    mqa = kv_cache_bytes(n_layers, 1, d_model, seq_len, batch_size, bytes_per_element)
    return {"mha": mha, "gqa": gqa, "mqa": mqa, "gqa_factor": mha / gqa, "mqa_factor": mha / mqa}
