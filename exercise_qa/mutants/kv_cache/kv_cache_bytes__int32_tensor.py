"""Multiplies the factors in an int32 tensor, which overflows for large models or long contexts.

Pattern: 1
LLaMA-7B at 2K tokens is exactly 2**30 bytes and fits in int32; Llama-3-70B at 128K tokens or
GPT-3 at batch > 1 exceed 2**31 - 1 and wrap around to a wrong (even negative) number.
"""
import torch


def kv_cache_bytes(n_layers: int, n_kv_heads: int, head_dim: int, seq_len: int, batch_size: int,
                   bytes_per_element: int) -> int:
    factors = torch.tensor([2, n_layers, n_kv_heads, head_dim, seq_len, batch_size, bytes_per_element],
                           dtype=torch.int32)
    return int(torch.prod(factors, dtype=torch.int32).item())
