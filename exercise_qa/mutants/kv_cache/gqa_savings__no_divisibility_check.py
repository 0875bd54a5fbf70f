"""Only rejects n_kv_heads < 1; a head count that does not divide n_heads is silently accepted.

Pattern: 2
The docstring promises ValueError when n_heads % n_kv_heads != 0 (e.g. 32 query heads, 6 KV
heads); this version returns a fractional gqa_factor instead.
"""
import math


def gqa_savings(n_layers: int, n_heads: int, n_kv_heads: int, head_dim: int, seq_len: int,
                batch_size: int, bytes_per_element: int) -> dict:
    if n_kv_heads < 1:
        raise ValueError("n_kv_heads must be >= 1")
    mha = kv_cache_bytes(n_layers, n_heads, head_dim, seq_len, batch_size, bytes_per_element)
    gqa = kv_cache_bytes(n_layers, n_kv_heads, head_dim, seq_len, batch_size, bytes_per_element)
    mqa = kv_cache_bytes(n_layers, 1, head_dim, seq_len, batch_size, bytes_per_element)
    return {"mha": mha, "gqa": gqa, "mqa": mqa, "gqa_factor": mha / gqa, "mqa_factor": mha / mqa}
