r"""bradley_terry stops Hunter's MM iterations when no strength moves by more than 1e-6, leaving an error much larger than 1e-8 (MM converges linearly).

Pattern: 3
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
    w = np.array(wins, dtype=np.float64)
    if w.ndim != 2 or w.shape[0] != w.shape[1] or w.shape[0] < 2:
        raise ValueError(f"wins must be a square (M, M) matrix with M >= 2, got shape {w.shape}")
    if (w < 0).any():
        raise ValueError("wins has a negative entry")
    if (np.diag(w) != 0).any():
        raise ValueError("wins has a non-zero diagonal")
    if not _blind_strongly_connected(w > 0):
        raise ValueError("the maximum does not exist: the graph of wins is not strongly connected")
    m = w.shape[0]
    games = w + w.T
    total_wins = w.sum(axis=1)
    p = np.ones(m)
    for _ in range(100_000):
        new_p = total_wins / (games / (p[:, None] + p[None, :])).sum(axis=1)
        new_p /= new_p.sum()
        done = np.max(np.abs(new_p - p)) < 1e-6
        p = new_p
        if done:
            break
    theta = np.log(p)
    return theta - theta.mean()
