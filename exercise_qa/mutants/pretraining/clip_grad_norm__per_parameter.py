"""Each parameter's gradient is clipped to max_norm on its own, which changes the update's direction.

Pattern: 5
"""
import torch


def clip_grad_norm(parameters, max_norm, eps=1e-6):
    if isinstance(parameters, torch.Tensor):
        parameters = [parameters]
    grads = [p.grad for p in parameters if p.grad is not None]
    if not grads:
        return torch.tensor(0.0)
    norms = [torch.linalg.vector_norm(g) for g in grads]
    for g, n in zip(grads, norms):
        g.mul_(torch.clamp(max_norm / (n + eps), max=1.0))
    return torch.linalg.vector_norm(torch.stack(norms))
