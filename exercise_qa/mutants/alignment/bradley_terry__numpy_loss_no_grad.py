"""Computes the stable loss in NumPy with logaddexp and wraps it back in a tensor: right value, but no gradient flows and it lands on the CPU.

Pattern: 2
"""
import numpy as np
import torch
import torch.nn.functional as F


def bradley_terry_loss(reward_chosen: torch.Tensor, reward_rejected: torch.Tensor) -> torch.Tensor:
    d = (reward_chosen - reward_rejected).detach().cpu().numpy()
    return torch.tensor(np.logaddexp(0.0, -d).mean(), dtype=reward_chosen.dtype)


def train_linear_reward_model(features_chosen: torch.Tensor, features_rejected: torch.Tensor,
                              steps: int = 300, lr: float = 0.05) -> torch.Tensor:
    w = torch.zeros(features_chosen.shape[1], dtype=features_chosen.dtype,
                    device=features_chosen.device, requires_grad=True)
    opt = torch.optim.Adam([w], lr=lr)
    for _ in range(steps):
        opt.zero_grad()
        loss = F.softplus(-(features_chosen @ w - features_rejected @ w)).mean()
        loss.backward()
        opt.step()
    return w.detach()
