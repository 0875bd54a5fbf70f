"""Guards the log with an epsilon, -log(sigmoid(margin) + 1e-8), instead of using logsigmoid/softplus.

Pattern: 3
The epsilon changes ordinary losses by ~1e-8 (invisible at atol=1e-5), but it caps the loss of
a badly ranked pair at -log(1e-8) = 18.4: a margin of -200 costs 18.4 instead of 200 and has
(almost) no gradient. The training function is correct.
"""
import torch
import torch.nn.functional as F


def bradley_terry_loss(reward_chosen: torch.Tensor, reward_rejected: torch.Tensor) -> torch.Tensor:
    return -torch.log(torch.sigmoid(reward_chosen - reward_rejected) + 1e-8).mean()


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
