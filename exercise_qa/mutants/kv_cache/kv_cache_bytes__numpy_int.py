"""Returns a numpy.int64 from np.prod instead of a Python int.

Pattern: 2
The value is right, but the docstring asks for a Python int; np.prod hands back numpy.int64
(and would wrap around silently on platforms where the default integer is 32-bit).
"""
import numpy as np


def kv_cache_bytes(n_layers: int, n_kv_heads: int, head_dim: int, seq_len: int, batch_size: int,
                   bytes_per_element: int) -> int:
    return np.prod([2, n_layers, n_kv_heads, head_dim, seq_len, batch_size, bytes_per_element])
