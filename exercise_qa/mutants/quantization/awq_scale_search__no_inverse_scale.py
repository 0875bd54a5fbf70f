"""Scales the weights by s before quantizing but never applies 1/s (to the activations or back to the weights)."""


def awq_scale_search(w, x, bits=4, n_grid=11):
    mean_abs = x.abs().mean(dim=0).clamp(min=1e-8)
    y = x @ w.T
    alphas = [k / (n_grid - 1) for k in range(n_grid)] if n_grid > 1 else [0.0]
    best = None
    for alpha in alphas:
        s = mean_abs ** alpha
        w_hat = rtn_quantize(w * s, bits)
        mse = float(((y - x @ w_hat.T) ** 2).mean())
        if best is None or mse < best[0]:
            best = (mse, float(alpha), s, w_hat)
    return best[1], best[2], best[3]
