"""Fixtures for the pretraining notebook: shingles, 32-bit shingle hashes, MinHash permutation
parameters and a tiny random Llama. Nothing here implements an exercise.

The hashing and the permutation draws follow `datasketch` 2.0.0's default MinHash scheme
("affine32"), so a signature computed from these inputs can be compared with
`datasketch.MinHash(num_perm, seed).update_batch(...)` value for value:

- a shingle's hash is the first 4 bytes of its SHA-1 (little-endian), then the MurmurHash3
  32-bit finaliser (a fixed bijection that spreads similar inputs);
- permutation k maps a hash x to ``(a[k] * x + b[k]) mod 2**32`` with ``a[k]`` odd, drawn from
  ``numpy.random.RandomState(seed)`` exactly as datasketch draws them.
"""
from __future__ import annotations

import hashlib
import struct

import numpy as np
import torch

UINT32 = 1 << 32


def word_shingles(text: str, k: int = 3) -> list[str]:
    """The distinct k-word shingles of `text` (lower-cased, split on whitespace), in order of
    first appearance. A text with fewer than k words gives one shingle (the whole text), or none
    when it is empty."""
    if k < 1:
        raise ValueError(f"k must be >= 1, got {k}")
    words = text.lower().split()
    if not words:
        return []
    grams = [" ".join(words[i:i + k]) for i in range(max(1, len(words) - k + 1))]
    return list(dict.fromkeys(grams))


def _fmix32(h: int) -> int:
    """MurmurHash3's 32-bit finaliser (a bijection on [0, 2**32))."""
    h ^= h >> 16
    h = (h * 0x85EBCA6B) % UINT32
    h ^= h >> 13
    h = (h * 0xC2B2AE35) % UINT32
    return h ^ (h >> 16)


def hash32(shingle: str | bytes) -> int:
    """The 32-bit hash of one shingle: SHA-1's first 4 bytes (little-endian), then fmix32."""
    data = shingle.encode("utf-8") if isinstance(shingle, str) else bytes(shingle)
    return _fmix32(struct.unpack("<I", hashlib.sha1(data).digest()[:4])[0])


def hash_shingles(shingles) -> torch.Tensor:
    """(n,) int64 tensor of the 32-bit hashes of `shingles` (values in [0, 2**32))."""
    return torch.tensor([hash32(s) for s in shingles], dtype=torch.int64)


def minhash_permutations(num_perm: int, seed: int = 1) -> tuple[torch.Tensor, torch.Tensor]:
    """(a, b): two (num_perm,) int64 tensors in [0, 2**32), every a[k] odd. The same draws as
    `datasketch.MinHash(num_perm=num_perm, seed=seed)` (scheme "affine32")."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32).astype(np.int64) * 2 + 1
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32).astype(np.int64)
    return torch.from_numpy(a), torch.from_numpy(b)


def tiny_llama(seed: int = 0, vocab_size: int = 61, device=None, dtype=torch.float32):
    """A randomly initialised 2-layer LlamaForCausalLM (hidden 32, 4 heads, 2 KV heads) with eager
    attention, in eval mode. The weights depend only on `seed` (drawn on the CPU)."""
    from transformers import LlamaConfig, LlamaForCausalLM

    config = LlamaConfig(vocab_size=vocab_size, hidden_size=32, intermediate_size=64,
                         num_hidden_layers=2, num_attention_heads=4, num_key_value_heads=2,
                         max_position_embeddings=256, attn_implementation="eager")
    state = torch.random.get_rng_state()
    try:
        torch.manual_seed(seed)
        model = LlamaForCausalLM(config)
    finally:
        torch.random.set_rng_state(state)
    return model.to(device=device or "cpu", dtype=dtype).eval()
