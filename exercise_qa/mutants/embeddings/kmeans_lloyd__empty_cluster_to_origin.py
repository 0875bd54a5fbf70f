"""Divides the cluster sums by counts.clamp(min=1) to avoid 0/0: an empty cluster's centroid jumps to the origin instead of keeping its previous position.

Pattern: 1
"""
import torch


def kmeans(x, init_centroids, n_iter):
    c = init_centroids.clone()
    k, d = c.shape
    dist = torch.cdist(x, c) ** 2
    a = dist.argmin(1)
    inertia = [float(dist.min(1).values.sum())]
    for _ in range(n_iter):
        sums = torch.zeros(k, d, dtype=x.dtype, device=x.device).index_add_(0, a, x)
        counts = torch.bincount(a, minlength=k).to(x.dtype)
        c = sums / counts.clamp(min=1)[:, None]
        dist = torch.cdist(x, c) ** 2
        a = dist.argmin(1)
        inertia.append(float(dist.min(1).values.sum()))
    return c, a, inertia
