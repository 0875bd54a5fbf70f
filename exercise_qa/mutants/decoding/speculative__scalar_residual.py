"""Notes' defect C1(a): the residual subtracts the scalar q(x) of the rejected token from p, not the vector q."""
import torch


def speculative_step(p, q, draft_tokens, generator=None):
    n, gamma, _ = q.shape
    index = draft_tokens.unsqueeze(-1)
    q_x = q.gather(-1, index).squeeze(-1)
    p_x = p[:, :gamma].gather(-1, index).squeeze(-1)
    u = torch.rand(n, gamma, generator=generator, device=p.device, dtype=p.dtype)
    n_acc = (u * q_x < p_x).long().cumprod(-1).sum(-1)
    rows = torch.arange(n, device=p.device)
    q_x_pad = torch.cat([q_x, torch.zeros_like(q_x[:, :1])], dim=1)[rows, n_acc]
    residual = (p[rows, n_acc] - q_x_pad[:, None]).clamp_min(0)
    residual = torch.where(residual.sum(-1, keepdim=True) > 0, residual, p[rows, n_acc])
    nxt = torch.multinomial(residual / residual.sum(-1, keepdim=True), 1, generator=generator).squeeze(-1)
    return n_acc, nxt
