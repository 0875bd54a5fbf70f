"""N_opt grows as C**(alpha / (alpha + beta)) instead of C**(beta / (alpha + beta)): the exponents are swapped.

Pattern: 3
Right when alpha = beta.
"""


def compute_optimal_allocation(flops, *, E, A, B, alpha, beta):
    if not flops > 0 or min(A, B, alpha, beta) <= 0:
        raise ValueError("flops, A, B, alpha and beta must be positive")
    G = (alpha * A / (beta * B)) ** (1.0 / (alpha + beta))
    n_opt = G * (flops / 6.0) ** (alpha / (alpha + beta))
    return float(n_opt), float(flops / (6.0 * n_opt))
