"""Counts every accepted draft (accept.sum()) instead of only the leading run before the first rejection: right when all or none are accepted.

Pattern: 4
"""
import torch


def speculative_step(p, q, draft_tokens, generator=None):
    N, g, V = q.shape
    idx = draft_tokens.unsqueeze(-1)
    p_d = p[:, :g].gather(-1, idx).squeeze(-1)
    q_d = q.gather(-1, idx).squeeze(-1)
    u = torch.rand(N, g, generator=generator, device=p.device)
    accept = u < torch.clamp(p_d / q_d, max=1.0)
    n_acc = accept.long().sum(dim=-1)
    rows = torch.arange(N, device=p.device)
    q_ext = torch.cat([q, torch.zeros_like(q[:, :1])], dim=1)
    resid = (p[rows, n_acc] - q_ext[rows, n_acc]).clamp_min(0)
    resid = resid / resid.sum(-1, keepdim=True)
    nxt = torch.multinomial(resid, 1, generator=generator).squeeze(-1)
    return n_acc, nxt
