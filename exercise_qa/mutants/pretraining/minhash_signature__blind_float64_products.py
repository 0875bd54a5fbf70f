"""Computes (a * x + b) mod 2**32 in float64: a * x reaches 2**64, beyond float64's 53-bit mantissa, so low bits are lost.

Pattern: 3
"""
import torch

UINT32_MAX = 2**32 - 1


def minhash_signature(hashes: torch.Tensor, a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    device = a.device
    if hashes.numel() == 0:
        return torch.full(a.shape, UINT32_MAX, dtype=torch.int64, device=device)
    x = hashes.to(device=device, dtype=torch.int64)[None, :]          # (1, n)
    a_hi, a_lo = (a >> 16)[:, None], (a & 0xFFFF)[:, None]           # (P, 1)
    values = torch.remainder(a[:, None].double() * x.double() + b[:, None].double(), 2.0**32)
    return values.min(dim=1).values.to(torch.int64)


def minhash_jaccard(sig_a: torch.Tensor, sig_b: torch.Tensor) -> float:
    if sig_a.dim() != 1 or sig_b.dim() != 1:
        raise ValueError("signatures must be 1-D")
    if sig_a.numel() == 0:
        raise ValueError("signatures must not be empty")
    if sig_a.shape != sig_b.shape:
        raise ValueError(f"signature lengths differ: {sig_a.numel()} vs {sig_b.numel()}")
    agree = int((sig_a == sig_b.to(sig_a.device)).sum())
    return agree / sig_a.numel()
