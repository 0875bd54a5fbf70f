"""Trains the reward model on rejected - chosen (argument order swapped when calling the loss): learns the hidden direction with the wrong sign.

Pattern: 4
"""
import torch
import torch.nn.functional as F


def bradley_terry_loss(reward_chosen: torch.Tensor, reward_rejected: torch.Tensor) -> torch.Tensor:
    return F.softplus(-(reward_chosen - reward_rejected)).mean()


def train_linear_reward_model(features_chosen: torch.Tensor, features_rejected: torch.Tensor,
                              steps: int = 300, lr: float = 0.05) -> torch.Tensor:
    w = torch.zeros(features_chosen.shape[1], dtype=features_chosen.dtype,
                    device=features_chosen.device, requires_grad=True)
    opt = torch.optim.Adam([w], lr=lr)
    for _ in range(steps):
        opt.zero_grad()
        r_rej = features_rejected @ w
        r_cho = features_chosen @ w
        loss = bradley_terry_loss(r_rej, r_cho)
        loss.backward()
        opt.step()
    return w.detach()
