"""G inverted: (beta B / (alpha A))^(1/(alpha+beta)).

Pattern: 1
"""
def compute_optimal_allocation(flops: float, *, E: float, A: float, B: float, alpha: float,
                               beta: float) -> tuple[float, float]:
    for name, value in (("flops", flops), ("A", A), ("B", B), ("alpha", alpha), ("beta", beta)):
        if not value > 0:
            raise ValueError(f"{name} must be positive, got {value}")
    G = (beta * B / (alpha * A)) ** (1.0 / (alpha + beta))
    n_opt = G * (flops / 6.0) ** (beta / (alpha + beta))
    d_opt = flops / (6.0 * n_opt)
    return float(n_opt), float(d_opt)
