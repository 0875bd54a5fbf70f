"""Uses log1p(exp(-diff)) thinking log1p makes it stable: exp(200) overflows to inf, so a pair with r_w - r_l = -200 costs inf.

Pattern: 1
"""
import torch


def bradley_terry_loss(reward_chosen: torch.Tensor, reward_rejected: torch.Tensor) -> torch.Tensor:
    diff = reward_chosen - reward_rejected
    return torch.log1p(torch.exp(-diff)).mean()


def train_linear_reward_model(features_chosen: torch.Tensor, features_rejected: torch.Tensor,
                              steps: int = 300, lr: float = 0.05) -> torch.Tensor:
    D = features_chosen.shape[1]
    w = torch.zeros(D, dtype=features_chosen.dtype, device=features_chosen.device, requires_grad=True)
    opt = torch.optim.Adam([w], lr=lr)
    for _ in range(steps):
        opt.zero_grad()
        bradley_terry_loss(features_chosen @ w, features_rejected @ w).backward()
        opt.step()
    return w.detach()
