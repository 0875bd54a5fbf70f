"""Computes the CDF and powers in float32 (torch.tensor on a Python list) and returns float32: loses the float64 precision and the probs' dtype.

Pattern: 2
"""
import torch


def best_of_n_distribution(probs: torch.Tensor, rewards: torch.Tensor, n: int) -> torch.Tensor:
    order = sorted(range(len(rewards)), key=lambda i: float(rewards[i]))
    out = [0.0] * len(order)
    acc = 0.0
    for i in order:
        p = float(probs[i])
        out[i] = (acc + p) ** n - acc ** n
        acc += p
    return torch.tensor(out, device=probs.device)


def best_of_n_kl(probs: torch.Tensor, rewards: torch.Tensor, n: int) -> float:
    q = best_of_n_distribution(probs, rewards, n).double()
    p = probs.double()
    m = q > 0
    return float((q[m] * torch.log(q[m] / p[m])).sum())
