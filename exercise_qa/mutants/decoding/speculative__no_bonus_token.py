"""No bonus token: when every draft is accepted the round samples the last position's residual again."""
import torch


def speculative_step(p, q, draft_tokens, generator=None):
    n, gamma, _ = q.shape
    index = draft_tokens.unsqueeze(-1)
    q_x = q.gather(-1, index).squeeze(-1)
    p_x = p[:, :gamma].gather(-1, index).squeeze(-1)
    u = torch.rand(n, gamma, generator=generator, device=p.device, dtype=p.dtype)
    n_acc = (u * q_x < p_x).long().cumprod(-1).sum(-1)
    rows = torch.arange(n, device=p.device)
    pos = n_acc.clamp(max=gamma - 1)
    residual = (p[rows, pos] - q[rows, pos]).clamp_min(0)
    residual = torch.where(residual.sum(-1, keepdim=True) > 0, residual, p[rows, pos])
    nxt = torch.multinomial(residual / residual.sum(-1, keepdim=True), 1, generator=generator).squeeze(-1)
    return n_acc, nxt
