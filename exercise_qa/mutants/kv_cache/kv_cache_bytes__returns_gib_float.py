"""Returns the size in GiB as a float, not the exact number of bytes as an int."""


def kv_cache_bytes(n_layers, n_kv_heads, head_dim, seq_len, batch_size, bytes_per_element):
    return 2 * n_layers * n_kv_heads * head_dim * seq_len * batch_size * bytes_per_element / 2**30
