"""No ValueError: C = 0 returns N = 0 and then divides by zero, negative C gives a complex power.

Pattern: 2
"""


def compute_optimal_allocation(flops, *, E, A, B, alpha, beta):
    G = (alpha * A / (beta * B)) ** (1.0 / (alpha + beta)) if beta * B else 1.0
    n_opt = G * (flops / 6.0) ** (beta / (alpha + beta)) if flops > 0 else 1.0
    return float(n_opt), float(flops / (6.0 * n_opt))
