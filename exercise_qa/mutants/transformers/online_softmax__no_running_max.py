"""Skips the running max and exponentiates raw scores: exact for small scores, overflows for large ones."""
import math

import torch


def online_softmax_attention(q, k, v, block_size):
    scale = 1.0 / math.sqrt(q.shape[-1])
    l = torch.zeros(q.shape[:-1] + (1,), dtype=q.dtype, device=q.device)
    acc = torch.zeros(q.shape[:-1] + (v.shape[-1],), dtype=q.dtype, device=q.device)
    for start in range(0, k.shape[-2], block_size):
        p = torch.exp(q @ k[..., start:start + block_size, :].transpose(-2, -1) * scale)
        l = l + p.sum(dim=-1, keepdim=True)
        acc = acc + p @ v[..., start:start + block_size, :]
    return acc / l
