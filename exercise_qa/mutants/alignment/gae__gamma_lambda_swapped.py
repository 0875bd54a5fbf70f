"""GAE with lambda and gamma swapped in the TD error: delta_t = r_t + lambda * V_{t+1} - V_t."""
import torch


def gae(rewards, values, gamma=1.0, lam=0.95):
    T = rewards.shape[-1]
    adv = torch.zeros_like(rewards)
    run = torch.zeros_like(rewards[..., 0])
    for t in reversed(range(T)):
        delta = rewards[..., t] + lam * values[..., t + 1] - values[..., t]
        run = delta + gamma * lam * run
        adv[..., t] = run
    return adv, adv + values[..., :T]
