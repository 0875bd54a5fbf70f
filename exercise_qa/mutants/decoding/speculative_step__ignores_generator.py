"""Draws the uniforms with torch.rand(N, gamma) from the global RNG instead of the given generator: statistically fine, but not reproducible from the seed.

Pattern: 4
"""
import torch


def speculative_step(p, q, draft_tokens, generator=None):
    N, g, V = q.shape
    idx = draft_tokens.unsqueeze(-1)
    p_d = p[:, :g].gather(-1, idx).squeeze(-1)
    q_d = q.gather(-1, idx).squeeze(-1)
    u = torch.rand(N, g, device=p.device)
    accept = u * q_d < p_d
    n_acc = accept.long().cumprod(dim=-1).sum(dim=-1)
    rows = torch.arange(N, device=p.device)
    q_ext = torch.cat([q, torch.zeros_like(q[:, :1])], dim=1)
    resid = (p[rows, n_acc] - q_ext[rows, n_acc]).clamp_min(0)
    resid = resid / resid.sum(-1, keepdim=True)
    nxt = torch.multinomial(resid, 1).squeeze(-1)
    return n_acc, nxt
