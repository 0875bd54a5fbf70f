"""Reads the number of keys as k.shape[1] instead of k.shape[-2]: right for (B, T, d) inputs, wrong for batched heads (B, H, T, d), where it loops over H.
Pattern: 4

Works by coincidence of layout in the visible 3-D test. With 4-D inputs it processes only the
first H keys (H < T) or loops past the end (H > T).
"""
import math

import torch


def online_softmax_attention(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, block_size: int) -> torch.Tensor:
    scale = 1.0 / math.sqrt(q.shape[-1])
    t_k = k.shape[1]
    m = torch.full(q.shape[:-1] + (1,), float("-inf"), dtype=q.dtype, device=q.device)
    l = torch.zeros(q.shape[:-1] + (1,), dtype=q.dtype, device=q.device)
    acc = torch.zeros(q.shape[:-1] + (v.shape[-1],), dtype=q.dtype, device=q.device)
    for start in range(0, t_k, block_size):
        kb = k[..., start:start + block_size, :]
        vb = v[..., start:start + block_size, :]
        if kb.shape[-2] == 0:
            break
        s = (q @ kb.transpose(-2, -1)) * scale
        m_new = torch.maximum(m, s.amax(dim=-1, keepdim=True))
        alpha = torch.exp(m - m_new)
        p = torch.exp(s - m_new)
        l = l * alpha + p.sum(dim=-1, keepdim=True)
        acc = acc * alpha + p @ vb
        m = m_new
    return acc / l
