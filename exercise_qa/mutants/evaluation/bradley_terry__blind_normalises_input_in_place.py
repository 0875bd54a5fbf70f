r"""bradley_terry rescales the counts in place (w /= w.sum()) on np.asarray(wins), which modifies the caller's float array.

Pattern: 2
"""
import numpy as np


def _blind_strongly_connected(adjacency: np.ndarray) -> bool:
    m = adjacency.shape[0]
    for graph in (adjacency, adjacency.T):
        seen, stack = {0}, [0]
        while stack:
            i = stack.pop()
            for j in np.flatnonzero(graph[i]):
                if j not in seen:
                    seen.add(int(j))
                    stack.append(int(j))
        if len(seen) != m:
            return False
    return True


def bradley_terry(wins: np.ndarray) -> np.ndarray:
    """Maximum-likelihood Bradley-Terry strengths."""
    w = np.asarray(wins, dtype=np.float64)
    if w.ndim != 2 or w.shape[0] != w.shape[1] or w.shape[0] < 2:
        raise ValueError(f"wins must be a square (M, M) matrix with M >= 2, got shape {w.shape}")
    if (w < 0).any():
        raise ValueError("wins has a negative entry")
    if (np.diag(w) != 0).any():
        raise ValueError("wins has a non-zero diagonal")
    if not _blind_strongly_connected(w > 0):
        raise ValueError("the maximum does not exist: the graph of wins is not strongly connected")
    w /= w.sum()                                                    # scale-free likelihood
    m = w.shape[0]
    games = w + w.T
    total_wins = w.sum(axis=1)
    theta = np.zeros(m)

    def log_likelihood(t):
        return -(w * np.logaddexp(0.0, -(t[:, None] - t[None, :]))).sum()

    current = log_likelihood(theta)
    for _ in range(500):
        p = 1.0 / (1.0 + np.exp(-(theta[:, None] - theta[None, :])))   # P(i beats j)
        gradient = total_wins - (games * p).sum(axis=1)
        weights = games * p * (1 - p)
        hessian = np.diag(weights.sum(axis=1)) - weights                 # minus the Hessian: a Laplacian
        step = np.zeros(m)
        step[1:] = np.linalg.solve(hessian[1:, 1:], gradient[1:])
        scale = 1.0
        while scale > 1e-10:
            candidate = theta + scale * step
            value = log_likelihood(candidate)
            if value >= current - 1e-12 * abs(current):
                break
            scale /= 2
        theta, current = candidate - candidate.mean(), value
        if np.max(np.abs(scale * step)) < 1e-12:
            break
    return theta - theta.mean()
