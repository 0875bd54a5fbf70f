"""Uses datasketch 1.x's scheme ((a x + b) mod (2**61 - 1)) & (2**32 - 1) instead of the stated (a x + b) mod 2**32.

Pattern: 1
"""
import torch

UINT32_MAX = 2**32 - 1


def minhash_signature(hashes: torch.Tensor, a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    device = a.device
    if hashes.numel() == 0:
        return torch.full(a.shape, UINT32_MAX, dtype=torch.int64, device=device)
    x = hashes.to(device=device, dtype=torch.int64)[None, :]          # (1, n)
    a_hi, a_lo = (a >> 16)[:, None], (a & 0xFFFF)[:, None]           # (P, 1)
    prime = (1 << 61) - 1
    xs = x[0].tolist()
    sig = [min(((ak * v + bk) % prime) & 0xFFFFFFFF for v in xs) for ak, bk in zip(a.tolist(), b.tolist())]
    return torch.tensor(sig, dtype=torch.int64, device=device)


def minhash_jaccard(sig_a: torch.Tensor, sig_b: torch.Tensor) -> float:
    if sig_a.dim() != 1 or sig_b.dim() != 1:
        raise ValueError("signatures must be 1-D")
    if sig_a.numel() == 0:
        raise ValueError("signatures must not be empty")
    if sig_a.shape != sig_b.shape:
        raise ValueError(f"signature lengths differ: {sig_a.numel()} vs {sig_b.numel()}")
    agree = int((sig_a == sig_b.to(sig_a.device)).sum())
    return agree / sig_a.numel()
