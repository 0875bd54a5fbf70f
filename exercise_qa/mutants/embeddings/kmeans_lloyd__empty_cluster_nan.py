"""Updates every centroid to the mean of its points, including empty clusters: 0/0 gives a NaN centroid instead of keeping the previous one.

Pattern: 1
"""
import torch
import torch.nn.functional as F


def kmeans(x, init_centroids, n_iter):
    c = init_centroids.clone()
    k = c.shape[0]

    def assign_and_cost(c):
        d = torch.cdist(x, c) ** 2
        return d.argmin(1), float(d.min(1).values.sum())

    a, cost = assign_and_cost(c)
    inertia = [cost]
    for _ in range(n_iter):
        onehot = F.one_hot(a, k).to(x.dtype)
        c = (onehot.T @ x) / onehot.sum(0)[:, None]
        a, cost = assign_and_cost(c)
        inertia.append(cost)
    return c, a, inertia
