"""Chooses alpha by the weight-space error mean((w - w_hat)**2) instead of the output MSE on x, which loses the activation awareness and nearly always picks alpha = 0.

Pattern: 2
"""
import torch


def awq_scale_search(w: torch.Tensor, x: torch.Tensor, bits: int = 4, n_grid: int = 11) -> tuple:
    mean_abs = x.abs().mean(dim=0).clamp(min=1e-8)
    alphas = [k / (n_grid - 1) for k in range(n_grid)] if n_grid > 1 else [0.0]
    ref = x @ w.T
    best = None
    for alpha in alphas:
        s = mean_abs ** alpha
        w_hat = rtn_quantize(w * s, bits) / s
        mse = float(((w - w_hat) ** 2).mean())
        if best is None or mse < best[0]:
            best = (mse, alpha, s, w_hat)
    _, alpha, s, w_hat = best
    return float(alpha), s.to(w.dtype), w_hat.to(w.dtype)
