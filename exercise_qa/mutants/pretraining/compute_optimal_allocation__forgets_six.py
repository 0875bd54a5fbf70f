"""Uses C instead of C / 6 inside the power (and then D = C / (6 N)): N is (6)**(beta/(alpha+beta)) too large.

Pattern: 3
"""


def compute_optimal_allocation(flops, *, E, A, B, alpha, beta):
    if not flops > 0 or min(A, B, alpha, beta) <= 0:
        raise ValueError("flops, A, B, alpha and beta must be positive")
    G = (alpha * A / (beta * B)) ** (1.0 / (alpha + beta))
    n_opt = G * flops ** (beta / (alpha + beta))
    return float(n_opt), float(flops / (6.0 * n_opt))
