"""Bradley-Terry loss written as -log(sigmoid(diff)): sigmoid(-200) underflows to 0 so the loss is inf instead of 200.

Pattern: 1
"""
import torch
import torch.nn.functional as F


def bradley_terry_loss(reward_chosen: torch.Tensor, reward_rejected: torch.Tensor) -> torch.Tensor:
    return -torch.log(torch.sigmoid(reward_chosen - reward_rejected)).mean()


def train_linear_reward_model(features_chosen: torch.Tensor, features_rejected: torch.Tensor,
                              steps: int = 300, lr: float = 0.05) -> torch.Tensor:
    w = torch.zeros(features_chosen.shape[1], dtype=features_chosen.dtype,
                    device=features_chosen.device, requires_grad=True)
    opt = torch.optim.Adam([w], lr=lr)
    for _ in range(steps):
        opt.zero_grad()
        loss = bradley_terry_loss(features_chosen @ w, features_rejected @ w)
        loss.backward()
        opt.step()
    return w.detach()
