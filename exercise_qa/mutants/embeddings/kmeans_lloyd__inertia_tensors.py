"""Appends the inertia as 0-dim tensors (dist.min(1).values.sum()) rather than Python floats.

Pattern: 2
"""
import torch


def kmeans(x, init_centroids, n_iter):
    c = init_centroids.clone()
    dist = torch.cdist(x, c) ** 2
    mins, a = dist.min(1)
    inertia = [mins.sum()]
    for _ in range(n_iter):
        for j in range(c.shape[0]):
            m = a == j
            if m.any():
                c[j] = x[m].mean(0)
        dist = torch.cdist(x, c) ** 2
        mins, a = dist.min(1)
        inertia.append(mins.sum())
    return c, a, inertia
