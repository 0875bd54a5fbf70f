"""Clips every parameter separately to max_norm instead of by the global norm.

Pattern: 1
"""
import torch


def clip_grad_norm(parameters, max_norm: float, eps: float = 1e-6) -> torch.Tensor:
    if isinstance(parameters, torch.Tensor):
        parameters = [parameters]
    grads = [p.grad for p in parameters if p.grad is not None]
    if not grads:
        return torch.tensor(0.0)
    norms = torch.stack([torch.linalg.vector_norm(g, 2) for g in grads])
    total_norm = torch.linalg.vector_norm(norms, 2)
    for g, norm in zip(grads, norms):
        g.mul_(torch.clamp(max_norm / (norm + eps), max=1.0))
    return total_norm
