"""Recomputes every centroid as sum / count, so an empty cluster becomes 0/0 = NaN."""
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
        centroids = sums / counts[:, None]  # NaN for empty clusters
    return centroids, assign, inertia
