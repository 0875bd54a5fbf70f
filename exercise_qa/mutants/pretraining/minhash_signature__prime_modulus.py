"""The textbook universal hash (a x + b) mod (2**31 - 1) instead of the stated mod 2**32 family of datasketch.

Pattern: 2
"""
import torch


def minhash_signature(hashes, a, b):
    if hashes.numel() == 0:
        return torch.full(a.shape, UINT32_MAX, dtype=torch.int64, device=a.device)
    prime = 2**31 - 1
    x = hashes.to(device=a.device, dtype=torch.int64).reshape(-1, 1) % prime
    permuted = ((a % prime) * x + b) % prime
    return permuted.amin(dim=0)
