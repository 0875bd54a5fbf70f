"""Only flops is validated: non-positive A, B, alpha or beta give nan/complex/inf instead of ValueError.

Pattern: 2
"""
def compute_optimal_allocation(flops: float, *, E: float, A: float, B: float, alpha: float,
                               beta: float) -> tuple[float, float]:
    for name, value in (("flops", flops),):
        if not value > 0:
            raise ValueError(f"{name} must be positive, got {value}")
    G = (alpha * A / (beta * B)) ** (1.0 / (alpha + beta))
    n_opt = G * (flops / 6.0) ** (beta / (alpha + beta))
    d_opt = flops / (6.0 * n_opt)
    if isinstance(n_opt, complex):
        n_opt = n_opt.real
        d_opt = flops / (6.0 * n_opt) if n_opt else float("nan")
    return float(n_opt), float(d_opt)
