"""Computed with float32 torch tensors: relative error ~1e-7, 6ND no longer equals C to 1e-12.

Pattern: 3
"""
def compute_optimal_allocation(flops: float, *, E: float, A: float, B: float, alpha: float,
                               beta: float) -> tuple[float, float]:
    for name, value in (("flops", flops), ("A", A), ("B", B), ("alpha", alpha), ("beta", beta)):
        if not value > 0:
            raise ValueError(f"{name} must be positive, got {value}")
    G = (alpha * A / (beta * B)) ** (1.0 / (alpha + beta))
    import torch
    c = torch.tensor(flops, dtype=torch.float32)
    n_t = G * (c / 6.0) ** (beta / (alpha + beta))
    n_opt, d_opt = n_t.item(), (c / (6.0 * n_t)).item()
    return float(n_opt), float(d_opt)
