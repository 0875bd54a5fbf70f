"""Returns the discounted Monte-Carlo return (bootstrapped with V_T) as the value target instead of advantages + values.

Pattern: 5
The advantages are right. The two value targets coincide only when lambda = 1 (the visible
test); for lambda < 1 the returns are not A_t + V_t as the contract says.
"""
import torch


def gae(rewards, values, gamma=1.0, lam=0.95):
    T = rewards.shape[-1]
    deltas = rewards + gamma * values[..., 1:] - values[..., :-1]
    advantages = torch.zeros_like(rewards)
    returns = torch.zeros_like(rewards)
    running_adv = torch.zeros_like(rewards[..., 0])
    running_ret = values[..., T]
    for t in reversed(range(T)):
        running_adv = deltas[..., t] + gamma * lam * running_adv
        running_ret = rewards[..., t] + gamma * running_ret
        advantages[..., t] = running_adv
        returns[..., t] = running_ret
    return advantages, returns
