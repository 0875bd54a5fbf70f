"""The coefficient is not clamped to 1: gradients below max_norm are scaled UP to it.

Pattern: 1
"""
import torch


def clip_grad_norm(parameters, max_norm, eps=1e-6):
    if isinstance(parameters, torch.Tensor):
        parameters = [parameters]
    grads = [p.grad for p in parameters if p.grad is not None]
    if not grads:
        return torch.tensor(0.0)
    total = torch.linalg.vector_norm(torch.stack([torch.linalg.vector_norm(g) for g in grads]))
    for g in grads:
        g.mul_(max_norm / (total + eps))
    return total
