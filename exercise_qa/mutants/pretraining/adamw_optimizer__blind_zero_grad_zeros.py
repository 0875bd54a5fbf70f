"""zero_grad fills the gradients with zeros instead of setting them to None (then skipped parameters are decayed and stepped).

Pattern: 2
"""
import math

import torch


class AdamW:
    def __init__(self, params, lr: float = 1e-3, betas: tuple[float, float] = (0.9, 0.999),
                 eps: float = 1e-8, weight_decay: float = 1e-2):
        if lr < 0:
            raise ValueError(f"lr must be >= 0, got {lr}")
        if eps < 0:
            raise ValueError(f"eps must be >= 0, got {eps}")
        if weight_decay < 0:
            raise ValueError(f"weight_decay must be >= 0, got {weight_decay}")
        if not all(0.0 <= beta < 1.0 for beta in betas):
            raise ValueError(f"betas must be in [0, 1), got {betas}")
        self.params = list(params)
        self.lr = lr
        self.betas = betas
        self.eps = eps
        self.weight_decay = weight_decay
        self.steps = [0] * len(self.params)
        self.m = [None] * len(self.params)
        self.v = [None] * len(self.params)

    @torch.no_grad()
    def step(self) -> None:
        beta1, beta2 = self.betas
        for i, p in enumerate(self.params):
            if p.grad is None:
                continue
            g = p.grad
            if self.m[i] is None:
                self.m[i] = torch.zeros_like(p)
                self.v[i] = torch.zeros_like(p)
            self.steps[i] += 1
            t = self.steps[i]
            p.mul_(1.0 - self.lr * self.weight_decay)
            self.m[i].mul_(beta1).add_(g, alpha=1.0 - beta1)
            self.v[i].mul_(beta2).addcmul_(g, g, value=1.0 - beta2)
            m_hat = self.m[i] / (1.0 - beta1 ** t)
            v_hat = self.v[i] / (1.0 - beta2 ** t)
            p.sub_(self.lr * m_hat / (v_hat.sqrt() + self.eps))

    def zero_grad(self) -> None:
        for p in self.params:
            if p.grad is not None:
                p.grad.zero_()
