"""Applies the 20-tokens-per-parameter rule (N = sqrt(C / 120)) whatever the law's constants say.

Pattern: 4
"""
import math


def compute_optimal_allocation(flops, *, E, A, B, alpha, beta):
    if not flops > 0 or min(A, B, alpha, beta) <= 0:
        raise ValueError("flops, A, B, alpha and beta must be positive")
    n_opt = math.sqrt(flops / 120.0)
    return float(n_opt), float(20.0 * n_opt)
