"""Multiplies by the bits per element (16 for fp16) instead of the bytes, so the size is 8x too large."""


def kv_cache_bytes(n_layers, n_kv_heads, head_dim, seq_len, batch_size, bytes_per_element):
    bits = 8 * bytes_per_element
    return 2 * n_layers * n_kv_heads * head_dim * seq_len * batch_size * bits
