"""Returns rtn_quantize(w * s) without dividing back by s: w_hat is in the scaled space, not the effective weight; indistinguishable at alpha = 0 where s = 1.

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
        w_q = rtn_quantize(w * s, bits)                 # quantized scaled weights
        mse = float(((ref - (x / s) @ w_q.T) ** 2).mean())
        if best is None or mse < best[0]:
            best = (mse, alpha, s, w_q)
    _, alpha, s, w_hat = best
    return float(alpha), s.to(w.dtype), w_hat.to(w.dtype)
