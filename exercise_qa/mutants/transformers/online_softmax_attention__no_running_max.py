"""Block loop that just accumulates exp(s) and exp(s) @ v without any running max: exact for small scores, inf/inf = NaN once scores reach ~90.
Pattern: 1

"Softmax is linear in exp, so I can sum the blocks." It is blockwise and never builds the full
score matrix, but without the max there is nothing to rescale and nothing keeps exp finite.
"""
import math

import torch


def online_softmax_attention(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, block_size: int) -> torch.Tensor:
    scale = 1.0 / math.sqrt(q.shape[-1])
    t_k = k.shape[-2]
    l = torch.zeros(q.shape[:-1] + (1,), dtype=q.dtype, device=q.device)
    acc = torch.zeros(q.shape[:-1] + (v.shape[-1],), dtype=q.dtype, device=q.device)
    for start in range(0, t_k, block_size):
        kb = k[..., start:start + block_size, :]
        vb = v[..., start:start + block_size, :]
        p = torch.exp((q @ kb.transpose(-2, -1)) * scale)
        l = l + p.sum(dim=-1, keepdim=True)
        acc = acc + p @ vb
    return acc / l
