r"""elo_ratings skips ties as carrying no information, but a tie moves both ratings towards each other (s_a = 0.5 versus E_a).

Pattern: 1
"""
import numpy as np


def elo_ratings(matches: list[tuple[int, int, float]], n_models: int, k_factor: float = 32.0,
                initial: float = 1000.0) -> np.ndarray:
    """Online Elo ratings after playing the matches in order."""
    ratings = np.full(n_models, float(initial), dtype=np.float64)
    for a, b, score_a in matches:
        if not (0 <= a < n_models and 0 <= b < n_models):
            raise ValueError(f"model ids must be in [0, {n_models}), got ({a}, {b})")
        if a == b:
            raise ValueError(f"model {a} cannot play itself")
        if score_a not in (0, 0.5, 1):
            raise ValueError(f"score must be 0, 0.5 or 1, got {score_a}")
        if score_a == 0.5:
            continue
        expected_a = 1.0 / (1.0 + 10.0 ** ((ratings[b] - ratings[a]) / 400.0))
        delta = k_factor * (score_a - expected_a)
        ratings[a] += delta
        ratings[b] -= delta
    return ratings
