"""After a rejection, resamples the replacement from the target p instead of norm(max(0, p - q)): the emitted tokens no longer follow the target distribution.

Pattern: 5
"""
import torch


def speculative_step(p, q, draft_tokens, generator=None):
    N, g, V = q.shape
    idx = draft_tokens.unsqueeze(-1)
    p_d = p[:, :g].gather(-1, idx).squeeze(-1)
    q_d = q.gather(-1, idx).squeeze(-1)
    u = torch.rand(N, g, generator=generator, device=p.device)
    accept = u < torch.clamp(p_d / q_d, max=1.0)
    n_acc = accept.long().cumprod(dim=-1).sum(dim=-1)
    rows = torch.arange(N, device=p.device)
    dist = p[rows, n_acc]
    nxt = torch.multinomial(dist, 1, generator=generator).squeeze(-1)
    return n_acc, nxt
