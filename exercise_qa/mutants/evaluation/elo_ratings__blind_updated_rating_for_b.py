r"""elo_ratings updates b with an expectation computed from a's already-updated rating, instead of both from the ratings before the match (the total drifts).

Pattern: 2
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
        expected_a = 1.0 / (1.0 + 10.0 ** ((ratings[b] - ratings[a]) / 400.0))
        ratings[a] += k_factor * (score_a - expected_a)
        expected_b = 1.0 / (1.0 + 10.0 ** ((ratings[a] - ratings[b]) / 400.0))
        ratings[b] += k_factor * ((1 - score_a) - expected_b)
    return ratings
