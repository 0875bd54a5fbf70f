"""Returns the norm after clipping (min(norm, max_norm)) instead of the norm before, which is what you log to spot spikes.

Pattern: 2
"""
import torch


def clip_grad_norm(parameters, max_norm, eps=1e-6):
    if isinstance(parameters, torch.Tensor):
        parameters = [parameters]
    grads = [p.grad for p in parameters if p.grad is not None]
    if not grads:
        return torch.tensor(0.0)
    total = torch.linalg.vector_norm(torch.stack([torch.linalg.vector_norm(g) for g in grads]))
    coef = torch.clamp(max_norm / (total + eps), max=1.0)
    for g in grads:
        g.mul_(coef)
    return total * coef
