"""Creates the reward weights with torch.zeros(D) (default float32, CPU) instead of the features' dtype and device.

Pattern: 2
The loss is right and float32 CPU features train fine, but the contract asks for weights with
the features' dtype and device: float64 features raise a dtype mismatch in features @ w, and
CUDA features raise a device mismatch.
"""
import torch
import torch.nn.functional as F


def bradley_terry_loss(reward_chosen: torch.Tensor, reward_rejected: torch.Tensor) -> torch.Tensor:
    return F.softplus(reward_rejected - reward_chosen).mean()


def train_linear_reward_model(features_chosen: torch.Tensor, features_rejected: torch.Tensor,
                              steps: int = 300, lr: float = 0.05) -> torch.Tensor:
    w = torch.zeros(features_chosen.shape[1], requires_grad=True)
    opt = torch.optim.Adam([w], lr=lr)
    for _ in range(steps):
        opt.zero_grad()
        loss = bradley_terry_loss(features_chosen @ w, features_rejected @ w)
        loss.backward()
        opt.step()
    return w.detach()
