"""No clamp of mean_abs at 1e-8 and the best alpha picked with torch.argmin over a tensor of losses: a dead input channel gives s = 0, a NaN loss for every alpha > 0, and argmin returns the NaN entry.

Pattern: 1
"""
import torch


def awq_scale_search(w: torch.Tensor, x: torch.Tensor, bits: int = 4, n_grid: int = 11) -> tuple:
    mean_abs = x.abs().mean(dim=0)
    alphas = [k / (n_grid - 1) for k in range(n_grid)] if n_grid > 1 else [0.0]
    ref = x @ w.T
    results, losses = [], []
    for alpha in alphas:
        s = mean_abs ** alpha
        w_hat = rtn_quantize(w * s, bits) / s
        losses.append(((ref - x @ w_hat.T) ** 2).mean())
        results.append((alpha, s, w_hat))
    best = int(torch.argmin(torch.stack(losses)))
    alpha, s, w_hat = results[best]
    return float(alpha), s.to(w.dtype), w_hat.to(w.dtype)
