"""The reward model trains fine but returns the float32 Parameter itself: not detached and not in the features' dtype (float64 features give float32 weights).

Pattern: 2
"""
import torch
import torch.nn.functional as F


def bradley_terry_loss(reward_chosen: torch.Tensor, reward_rejected: torch.Tensor) -> torch.Tensor:
    return F.softplus(reward_rejected - reward_chosen).mean()


def train_linear_reward_model(features_chosen: torch.Tensor, features_rejected: torch.Tensor,
                              steps: int = 300, lr: float = 0.05) -> torch.Tensor:
    w = torch.nn.Parameter(torch.zeros(features_chosen.shape[1], device=features_chosen.device))
    opt = torch.optim.Adam([w], lr=lr)
    fc, fr = features_chosen.float(), features_rejected.float()
    for _ in range(steps):
        opt.zero_grad()
        loss = bradley_terry_loss(fc @ w, fr @ w)
        loss.backward()
        opt.step()
    return w
