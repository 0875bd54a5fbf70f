"""The empty set's signature is all zeros (amin over nothing replaced by 0), not UINT32_MAX as in datasketch.

Pattern: 1
"""
import torch


def minhash_signature(hashes, a, b):
    if hashes.numel() == 0:
        return torch.zeros(a.shape, dtype=torch.int64, device=a.device)
    x = hashes.to(device=a.device, dtype=torch.int64).reshape(-1, 1)
    permuted = (a * x + b) & UINT32_MAX
    return permuted.amin(dim=0)
