"""Reports the MQA factor relative to the GQA cache instead of relative to MHA.

Pattern: 5
"mqa_factor" comes out as gqa / mqa = n_kv_heads (8 for Llama-2-70B) instead of n_heads (64);
the visible test only looks at "gqa" and "gqa_factor".
"""
import math


def gqa_savings(n_layers: int, n_heads: int, n_kv_heads: int, head_dim: int, seq_len: int,
                batch_size: int, bytes_per_element: int) -> dict:
    if n_kv_heads < 1 or n_heads % n_kv_heads != 0:
        raise ValueError("n_kv_heads must be >= 1 and divide n_heads")
    mha = kv_cache_bytes(n_layers, n_heads, head_dim, seq_len, batch_size, bytes_per_element)
    gqa = kv_cache_bytes(n_layers, n_kv_heads, head_dim, seq_len, batch_size, bytes_per_element)
    mqa = kv_cache_bytes(n_layers, 1, head_dim, seq_len, batch_size, bytes_per_element)
    # each step shrinks the cache further: MHA -> GQA -> MQA
    return {"mha": mha, "gqa": gqa, "mqa": mqa, "gqa_factor": mha / gqa, "mqa_factor": gqa / mqa}
