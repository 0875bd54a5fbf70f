"""Uses init_centroids itself as the working centroids and updates its rows in place: the caller's tensor (often a view of x such as x[:k]) is overwritten.

Pattern: 2
"""
import torch


def kmeans(x, init_centroids, n_iter):
    c = init_centroids
    dist = torch.cdist(x, c) ** 2
    inertia = [float(dist.min(1).values.sum())]
    a = dist.argmin(1)
    for _ in range(n_iter):
        for j in range(c.shape[0]):
            m = a == j
            if m.any():
                c[j] = x[m].mean(0)
        dist = torch.cdist(x, c) ** 2
        a = dist.argmin(1)
        inertia.append(float(dist.min(1).values.sum()))
    return c, a, inertia
