"""Checks divisibility with % before checking n_kv_heads >= 1, so n_kv_heads=0 raises ZeroDivisionError and negatives pass.

Pattern: 2
n_heads % 0 raises ZeroDivisionError (not the documented ValueError), and n_kv_heads = -1
divides everything, so a negative head count produces negative cache sizes.
"""
import math


def gqa_savings(n_layers: int, n_heads: int, n_kv_heads: int, head_dim: int, seq_len: int,
                batch_size: int, bytes_per_element: int) -> dict:
    if n_heads % n_kv_heads != 0:
        raise ValueError(f"n_heads={n_heads} is not a multiple of n_kv_heads={n_kv_heads}")
    mha = kv_cache_bytes(n_layers, n_heads, head_dim, seq_len, batch_size, bytes_per_element)
    gqa = kv_cache_bytes(n_layers, n_kv_heads, head_dim, seq_len, batch_size, bytes_per_element)
    mqa = kv_cache_bytes(n_layers, 1, head_dim, seq_len, batch_size, bytes_per_element)
    return {"mha": mha, "gqa": gqa, "mqa": mqa, "gqa_factor": mha / gqa, "mqa_factor": mha / mqa}
