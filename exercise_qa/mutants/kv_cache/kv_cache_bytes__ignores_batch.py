"""Forgets the batch dimension: the cache size is computed for one sequence whatever batch_size is.

Pattern: 5
Correct for batch_size=1 (the visible LLaMA-7B case); every batched configuration is off by a
factor of batch_size.
"""
import math


def kv_cache_bytes(n_layers: int, n_kv_heads: int, head_dim: int, seq_len: int, batch_size: int,
                   bytes_per_element: int) -> int:
    # 2 for K and V, per layer, per head, per token
    return 2 * n_layers * n_kv_heads * head_dim * seq_len * bytes_per_element
