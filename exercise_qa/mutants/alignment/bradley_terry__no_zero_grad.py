"""Forgets optimizer.zero_grad() in the training loop, so gradients accumulate across steps.

Pattern: 4
The loss is right. Each step's .grad is the sum of all gradients so far, so SGD keeps
pushing along stale directions with an ever-growing step and oscillates/diverges instead of
converging to the hidden weight direction.
"""
import torch
import torch.nn.functional as F


def bradley_terry_loss(reward_chosen: torch.Tensor, reward_rejected: torch.Tensor) -> torch.Tensor:
    return -F.logsigmoid(reward_chosen - reward_rejected).mean()


def train_linear_reward_model(features_chosen: torch.Tensor, features_rejected: torch.Tensor,
                              steps: int = 300, lr: float = 0.05) -> torch.Tensor:
    w = torch.zeros(features_chosen.shape[1], dtype=features_chosen.dtype,
                    device=features_chosen.device, requires_grad=True)
    opt = torch.optim.SGD([w], lr=lr, momentum=0.9)
    for _ in range(steps):
        loss = bradley_terry_loss(features_chosen @ w, features_rejected @ w)
        loss.backward()
        opt.step()
    return w.detach()
