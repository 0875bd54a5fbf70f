"""When every draft is accepted, draws the bonus token from the residual at the last draft position (p_gamma - q_gamma) instead of from p_{gamma+1}.

Pattern: 5
"""
import torch


def speculative_step(p, q, draft_tokens, generator=None):
    N, g, V = q.shape
    idx = draft_tokens.unsqueeze(-1)
    p_d = p[:, :g].gather(-1, idx).squeeze(-1)
    q_d = q.gather(-1, idx).squeeze(-1)
    u = torch.rand(N, g, generator=generator, device=p.device)
    accept = u < (p_d / q_d).clamp(max=1.0)
    n_acc = accept.long().cumprod(dim=-1).sum(dim=-1)
    rows = torch.arange(N, device=p.device)
    pos = n_acc.clamp(max=g - 1)
    resid = (p[rows, pos] - q[rows, pos]).clamp_min(0)
    # all accepted and p == q: residual is empty, fall back to p
    empty = resid.sum(-1, keepdim=True) <= 0
    resid = torch.where(empty, p[rows, pos], resid)
    resid = resid / resid.sum(-1, keepdim=True)
    nxt = torch.multinomial(resid, 1, generator=generator).squeeze(-1)
    return n_acc, nxt
