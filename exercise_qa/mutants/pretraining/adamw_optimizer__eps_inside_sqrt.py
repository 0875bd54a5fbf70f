"""eps is added inside the square root, sqrt(v_hat + eps), instead of to sqrt(v_hat).

Pattern: 3
"""
import torch


class AdamW:
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
        if lr < 0 or eps < 0 or weight_decay < 0 or not all(0.0 <= b < 1.0 for b in betas):
            raise ValueError("invalid hyper-parameters")
        self.params = list(params)
        self.lr, self.betas, self.eps, self.weight_decay = lr, betas, eps, weight_decay
        self.state = [{"step": 0, "m": torch.zeros_like(p), "v": torch.zeros_like(p)} for p in self.params]

    @torch.no_grad()
    def step(self):
        beta1, beta2 = self.betas
        for p, s in zip(self.params, self.state):
            if p.grad is None:
                continue
            s["step"] += 1
            p.mul_(1 - self.lr * self.weight_decay)
            s["m"].mul_(beta1).add_(p.grad, alpha=1 - beta1)
            s["v"].mul_(beta2).addcmul_(p.grad, p.grad, value=1 - beta2)
            m_hat = s["m"] / (1 - beta1 ** s["step"])
            v_hat = s["v"] / (1 - beta2 ** s["step"])
            p.sub_(self.lr * m_hat / (v_hat + self.eps).sqrt())

    def zero_grad(self):
        for p in self.params:
            p.grad = None
