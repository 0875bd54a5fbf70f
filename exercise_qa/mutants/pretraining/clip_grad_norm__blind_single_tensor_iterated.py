"""A single tensor is iterated over its rows (whose .grad is None): nothing is clipped and 0 is returned.

Pattern: 2
"""
import torch


def clip_grad_norm(parameters, max_norm: float, eps: float = 1e-6) -> torch.Tensor:
    grads = [p.grad for p in parameters if p.grad is not None]
    if not grads:
        return torch.tensor(0.0)
    norms = torch.stack([torch.linalg.vector_norm(g, 2) for g in grads])
    total_norm = torch.linalg.vector_norm(norms, 2)
    clip_coef = torch.clamp(max_norm / (total_norm + eps), max=1.0)
    for g in grads:
        g.mul_(clip_coef)
    return total_norm
