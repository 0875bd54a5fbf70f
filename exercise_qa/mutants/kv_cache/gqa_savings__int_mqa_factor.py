"""Writes the MQA factor as the integer n_heads instead of a float ratio.

Pattern: 2
The value is right (MQA shrinks MHA by n_heads) but "mqa_factor" is a Python int, while the
contract asks for a float; "gqa_factor" is a float, so the visible check passes.
"""
import math


def gqa_savings(n_layers: int, n_heads: int, n_kv_heads: int, head_dim: int, seq_len: int,
                batch_size: int, bytes_per_element: int) -> dict:
    if n_kv_heads < 1 or n_heads % n_kv_heads != 0:
        raise ValueError("n_kv_heads must be >= 1 and divide n_heads")
    mha = kv_cache_bytes(n_layers, n_heads, head_dim, seq_len, batch_size, bytes_per_element)
    gqa = kv_cache_bytes(n_layers, n_kv_heads, head_dim, seq_len, batch_size, bytes_per_element)
    mqa = kv_cache_bytes(n_layers, 1, head_dim, seq_len, batch_size, bytes_per_element)
    return {"mha": mha, "gqa": gqa, "mqa": mqa, "gqa_factor": n_heads / n_kv_heads, "mqa_factor": n_heads}
