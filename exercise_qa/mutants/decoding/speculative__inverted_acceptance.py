"""Speculative sampling accepts with min(1, q/p) instead of min(1, p/q)."""
import torch


def speculative_step(p, q, draft_tokens, generator=None):
    n, gamma, _ = q.shape
    index = draft_tokens.unsqueeze(-1)
    q_x = q.gather(-1, index).squeeze(-1)
    p_x = p[:, :gamma].gather(-1, index).squeeze(-1)
    u = torch.rand(n, gamma, generator=generator, device=p.device, dtype=p.dtype)
    accepted = u * p_x < q_x
    n_acc = accepted.long().cumprod(-1).sum(-1)
    rows = torch.arange(n, device=p.device)
    q_pad = torch.cat([q, torch.zeros_like(q[:, :1])], dim=1)
    residual = (p[rows, n_acc] - q_pad[rows, n_acc]).clamp_min(0)
    nxt = torch.multinomial(residual / residual.sum(-1, keepdim=True), 1, generator=generator).squeeze(-1)
    return n_acc, nxt
