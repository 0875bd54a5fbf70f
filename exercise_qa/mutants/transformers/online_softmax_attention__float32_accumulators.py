"""Accumulates in float32 "like FlashAttention" and forgets to cast the result back: float64 inputs come out as float32 with float32 precision.
Pattern: 2

Exact for float32 inputs, stable for huge scores; the returned dtype is float32 for float64 (and
for float16/bfloat16) inputs.
"""
import math

import torch


def online_softmax_attention(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, block_size: int) -> torch.Tensor:
    scale = 1.0 / math.sqrt(q.shape[-1])
    t_k = k.shape[-2]
    qf = q.float()
    m = torch.full(q.shape[:-1] + (1,), float("-inf"), dtype=torch.float32, device=q.device)
    l = torch.zeros(q.shape[:-1] + (1,), dtype=torch.float32, device=q.device)
    acc = torch.zeros(q.shape[:-1] + (v.shape[-1],), dtype=torch.float32, device=q.device)
    for start in range(0, t_k, block_size):
        kb = k[..., start:start + block_size, :].float()
        vb = v[..., start:start + block_size, :].float()
        s = (qf @ kb.transpose(-2, -1)) * scale
        m_new = torch.maximum(m, s.amax(dim=-1, keepdim=True))
        alpha = torch.exp(m - m_new)
        p = torch.exp(s - m_new)
        l = l * alpha + p.sum(dim=-1, keepdim=True)
        acc = acc * alpha + p @ vb
        m = m_new
    return acc / l
