"""MM stops after 25 iterations: far from the maximum when the strengths are spread out.

Pattern: 3
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
    for _ in range(25):
        p = won / (games / (p[:, None] + p[None, :])).sum(1)
        p /= p.sum()
    theta = np.log(p)
    return theta - theta.mean()
