"""n_accepted counts every accepted draft instead of stopping at the first rejection."""
import torch


def speculative_step(p, q, draft_tokens, generator=None):
    n, gamma, _ = q.shape
    index = draft_tokens.unsqueeze(-1)
    q_x = q.gather(-1, index).squeeze(-1)
    p_x = p[:, :gamma].gather(-1, index).squeeze(-1)
    u = torch.rand(n, gamma, generator=generator, device=p.device, dtype=p.dtype)
    n_acc = (u * q_x < p_x).long().sum(-1)
    rows = torch.arange(n, device=p.device)
    q_pad = torch.cat([q, torch.zeros_like(q[:, :1])], dim=1)
    residual = (p[rows, n_acc] - q_pad[rows, n_acc]).clamp_min(0)
    residual = torch.where(residual.sum(-1, keepdim=True) > 0, residual, p[rows, n_acc])
    nxt = torch.multinomial(residual / residual.sum(-1, keepdim=True), 1, generator=generator).squeeze(-1)
    return n_acc, nxt
