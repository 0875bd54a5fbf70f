"""After a rejection the replacement is drawn from the target p instead of the residual norm(max(0, p - q))."""
import torch


def speculative_step(p, q, draft_tokens, generator=None):
    n, gamma, _ = q.shape
    index = draft_tokens.unsqueeze(-1)
    q_x = q.gather(-1, index).squeeze(-1)
    p_x = p[:, :gamma].gather(-1, index).squeeze(-1)
    u = torch.rand(n, gamma, generator=generator, device=p.device, dtype=p.dtype)
    n_acc = (u * q_x < p_x).long().cumprod(-1).sum(-1)
    rows = torch.arange(n, device=p.device)
    nxt = torch.multinomial(p[rows, n_acc], 1, generator=generator).squeeze(-1)
    return n_acc, nxt
