"""n_accepted counts every accepted draft (accept.sum) instead of only the leading run before the first rejection; right only when drafts are all accepted or all rejected.

Pattern: 1
"""
import torch


def speculative_step(p: torch.Tensor, q: torch.Tensor, draft_tokens: torch.Tensor,
                     generator: torch.Generator | None = None) -> tuple[torch.Tensor, torch.Tensor]:
    N, gamma, V = q.shape
    dev = p.device
    ar = torch.arange(N, device=dev)
    idx = draft_tokens.long().unsqueeze(-1)
    p_x = p[:, :gamma].gather(-1, idx).squeeze(-1)            # (N, gamma)
    q_x = q.gather(-1, idx).squeeze(-1)                       # (N, gamma)
    u = torch.rand(N, gamma, generator=generator, device=dev, dtype=p.dtype)
    accept = u * q_x < p_x                                    # u < p/q without dividing by 0
    n_accepted = accept.long().sum(dim=1)
    pos = n_accepted.clamp(max=gamma - 1)
    resid = (p[ar, pos] - q[ar, pos]).clamp(min=0)
    total = resid.sum(-1, keepdim=True)
    resid = torch.where(total > 0, resid / total.clamp_min(1e-30), p[ar, pos])
    dist = torch.where((n_accepted == gamma).unsqueeze(-1), p[:, gamma], resid)
    next_token = torch.multinomial(dist, 1, generator=generator).squeeze(-1)
    return n_accepted, next_token
