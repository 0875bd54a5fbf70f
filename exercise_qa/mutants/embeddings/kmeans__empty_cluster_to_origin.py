"""Resets the centroid of an empty cluster to the origin instead of keeping it."""
import torch


def kmeans(x, init_centroids, n_iter):
    centroids = init_centroids.clone()
    k = centroids.shape[0]
    inertia = []
    for step in range(n_iter + 1):
        d2 = torch.cdist(x, centroids) ** 2
        nearest, assign = d2.min(dim=1)
        inertia.append(float(nearest.sum()))
        if step == n_iter:
            break
        counts = torch.bincount(assign, minlength=k).to(x.dtype)
        sums = torch.zeros_like(centroids).index_add_(0, assign, x)
        centroids = sums / counts.clamp_min(1)[:, None]  # empty cluster -> 0 vector
    return centroids, assign, inertia
