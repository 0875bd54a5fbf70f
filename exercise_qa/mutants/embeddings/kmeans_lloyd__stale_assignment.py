"""Returns the assignment from the last assign step, computed before the final centroid update: not the nearest returned centroid for every point.

Pattern: 5
"""
import torch


def kmeans(x, init_centroids, n_iter):
    c = init_centroids.clone()
    d0 = torch.cdist(x, c) ** 2
    a = d0.argmin(1)
    inertia = [float(d0.min(1).values.sum())]
    for _ in range(n_iter):
        a = (torch.cdist(x, c) ** 2).argmin(1)
        for j in range(c.shape[0]):
            members = a == j
            if members.any():
                c[j] = x[members].mean(0)
        inertia.append(float((torch.cdist(x, c) ** 2).min(1).values.sum()))
    return c, a, inertia
