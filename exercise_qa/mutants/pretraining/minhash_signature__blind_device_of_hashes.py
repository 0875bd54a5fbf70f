"""The signature lives on hashes' device instead of a's device.

Pattern: 2
Only visible when hashes and (a, b) are on different devices (an accelerator run).
Needs: cuda
"""
import torch

UINT32_MAX = 2**32 - 1


def minhash_signature(hashes: torch.Tensor, a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    device = hashes.device
    if hashes.numel() == 0:
        return torch.full(a.shape, UINT32_MAX, dtype=torch.int64, device=device)
    x = hashes.to(device=device, dtype=torch.int64)[None, :]          # (1, n)
    a, b = a.to(device), b.to(device)
    a_hi, a_lo = (a >> 16)[:, None], (a & 0xFFFF)[:, None]           # (P, 1)
    low32 = (a_lo * x + (((a_hi * x) & 0xFFFF) << 16) + b[:, None]) & 0xFFFFFFFF   # (P, n)
    return low32.min(dim=1).values


def minhash_jaccard(sig_a: torch.Tensor, sig_b: torch.Tensor) -> float:
    if sig_a.dim() != 1 or sig_b.dim() != 1:
        raise ValueError("signatures must be 1-D")
    if sig_a.numel() == 0:
        raise ValueError("signatures must not be empty")
    if sig_a.shape != sig_b.shape:
        raise ValueError(f"signature lengths differ: {sig_a.numel()} vs {sig_b.numel()}")
    agree = int((sig_a == sig_b.to(sig_a.device)).sum())
    return agree / sig_a.numel()
