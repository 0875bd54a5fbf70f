"""Uses the 20-tokens-per-parameter rule (N = sqrt(C / 120)) instead of the given law's optimum.

Pattern: 1
"""
def compute_optimal_allocation(flops: float, *, E: float, A: float, B: float, alpha: float,
                               beta: float) -> tuple[float, float]:
    for name, value in (("flops", flops), ("A", A), ("B", B), ("alpha", alpha), ("beta", beta)):
        if not value > 0:
            raise ValueError(f"{name} must be positive, got {value}")
    G = (alpha * A / (beta * B)) ** (1.0 / (alpha + beta))
    n_opt = (flops / 120.0) ** 0.5
    d_opt = flops / (6.0 * n_opt)
    return float(n_opt), float(d_opt)
