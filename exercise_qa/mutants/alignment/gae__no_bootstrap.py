"""GAE with no bootstrap at the end: V_T is treated as 0 even when the trajectory was truncated."""
import torch


def gae(rewards, values, gamma=1.0, lam=0.95):
    T = rewards.shape[-1]
    adv = torch.zeros_like(rewards)
    run = torch.zeros_like(rewards[..., 0])
    for t in reversed(range(T)):
        nxt = values[..., t + 1] if t + 1 < T else torch.zeros_like(values[..., t])
        delta = rewards[..., t] + gamma * nxt - values[..., t]
        run = delta + gamma * lam * run
        adv[..., t] = run
    return adv, adv + values[..., :T]
