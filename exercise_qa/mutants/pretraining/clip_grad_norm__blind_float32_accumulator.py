"""Accumulates the squared norms in a fresh float32 tensor: the norm of float64 gradients comes back in float32.

Pattern: 2
"""
import torch


def clip_grad_norm(parameters, max_norm: float, eps: float = 1e-6) -> torch.Tensor:
    if isinstance(parameters, torch.Tensor):
        parameters = [parameters]
    grads = [p.grad for p in parameters if p.grad is not None]
    if not grads:
        return torch.tensor(0.0)
    total_sq = torch.zeros((), device=grads[0].device)
    for g in grads:
        total_sq = total_sq + (g.float() ** 2).sum()
    total_norm = total_sq.sqrt()
    clip_coef = torch.clamp(max_norm / (total_norm + eps), max=1.0)
    for g in grads:
        g.mul_(clip_coef)
    return total_norm
