"""Alpha grid built as k / n_grid for k in range(n_grid): it never reaches alpha = 1 and every alpha is off the documented grid (n_grid = 1 still gives [0.0]).

Pattern: 1
"""
import torch


def awq_scale_search(w: torch.Tensor, x: torch.Tensor, bits: int = 4, n_grid: int = 11) -> tuple:
    mean_abs = x.abs().mean(dim=0).clamp(min=1e-8)
    alphas = [k / n_grid for k in range(n_grid)]
    ref = x @ w.T
    best = None
    for alpha in alphas:
        s = mean_abs ** alpha
        w_hat = rtn_quantize(w * s, bits) / s
        mse = float(((ref - x @ w_hat.T) ** 2).mean())
        if best is None or mse < best[0]:
            best = (mse, alpha, s, w_hat)
    _, alpha, s, w_hat = best
    return float(alpha), s.to(w.dtype), w_hat.to(w.dtype)
