"""The first model's strength is pinned to 0 instead of centring theta to mean 0.

Pattern: 2
"""
import numpy as np


def bradley_terry(wins):
    wins = np.array(wins, dtype=np.float64)
    if wins.ndim != 2 or wins.shape[0] != wins.shape[1] or wins.shape[0] < 2:
        raise ValueError("shape")
    if np.any(wins < 0) or np.any(np.diag(wins) != 0):
        raise ValueError("entries")
    m = len(wins)
    for edges in (wins > 0, (wins > 0).T):
        reached, todo = {0}, [0]
        while todo:
            for j in np.flatnonzero(edges[todo.pop()]):
                if int(j) not in reached:
                    reached.add(int(j))
                    todo.append(int(j))
        if len(reached) < m:
            raise ValueError("not strongly connected")
    games, won = wins + wins.T, wins.sum(1)
    p = np.ones(m)
    for _ in range(100000):
        new = won / (games / (p[:, None] + p[None, :])).sum(1)
        new /= new[0]
        done = np.max(np.abs(np.log(new) - np.log(p))) < 1e-13
        p = new
        if done:
            break
    return np.log(p)
