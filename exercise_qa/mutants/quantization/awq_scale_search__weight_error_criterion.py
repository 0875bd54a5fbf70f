"""Chooses alpha by the weight reconstruction error ||W - W_hat|| instead of the layer's output error on x."""


def awq_scale_search(w, x, bits=4, n_grid=11):
    mean_abs = x.abs().mean(dim=0).clamp(min=1e-8)
    alphas = [k / (n_grid - 1) for k in range(n_grid)] if n_grid > 1 else [0.0]
    best = None
    for alpha in alphas:
        s = mean_abs ** alpha
        w_hat = rtn_quantize(w * s, bits) / s
        err = float(((w - w_hat) ** 2).mean())
        if best is None or err < best[0]:
            best = (err, float(alpha), s, w_hat)
    return best[1], best[2], best[3]
