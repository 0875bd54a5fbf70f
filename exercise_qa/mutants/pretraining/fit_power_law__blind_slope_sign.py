"""Returns the slope itself (negative for a decreasing law) as k.

Pattern: 1
"""
import numpy as np
import torch


def _as_float64(values) -> np.ndarray:
    if isinstance(values, torch.Tensor):
        return values.detach().cpu().to(torch.float64).numpy()
    return np.asarray(values, dtype=np.float64)


def fit_power_law(x, y, offset: float = 0.0) -> tuple[float, float]:
    x, y = _as_float64(x), _as_float64(y)
    if x.ndim != 1 or y.ndim != 1 or x.shape != y.shape:
        raise ValueError(f"x and y must be 1-D of the same length, got {x.shape} and {y.shape}")
    if x.size < 2:
        raise ValueError("need at least two points")
    if (x <= 0).any():
        raise ValueError("every x must be > 0")
    if (y <= offset).any():
        raise ValueError("every y must be > offset")
    if np.all(x == x[0]):
        raise ValueError("all x are equal")
    log_x, log_y = np.log(x), np.log(y - offset)
    dx, dy = log_x - log_x.mean(), log_y - log_y.mean()
    slope = float((dx * dy).sum() / (dx * dx).sum())
    intercept = float(log_y.mean() - slope * log_x.mean())
    return float(np.exp(intercept)), slope
