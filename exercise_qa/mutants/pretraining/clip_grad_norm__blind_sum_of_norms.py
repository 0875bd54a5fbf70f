"""Total norm = sum of the per-parameter norms instead of the L2 norm of them.

Pattern: 1
Right only with a single parameter.
"""
import torch


def clip_grad_norm(parameters, max_norm: float, eps: float = 1e-6) -> torch.Tensor:
    if isinstance(parameters, torch.Tensor):
        parameters = [parameters]
    grads = [p.grad for p in parameters if p.grad is not None]
    if not grads:
        return torch.tensor(0.0)
    norms = torch.stack([torch.linalg.vector_norm(g, 2) for g in grads])
    total_norm = norms.sum()
    clip_coef = torch.clamp(max_norm / (total_norm + eps), max=1.0)
    for g in grads:
        g.mul_(clip_coef)
    return total_norm
