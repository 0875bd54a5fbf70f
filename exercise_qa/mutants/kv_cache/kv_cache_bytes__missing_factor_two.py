"""Forgets the factor 2 for keys and values: only the keys are counted."""


def kv_cache_bytes(n_layers, n_kv_heads, head_dim, seq_len, batch_size, bytes_per_element):
    return n_layers * n_kv_heads * head_dim * seq_len * batch_size * bytes_per_element
