"""Inertia reported as the MEAN squared distance (MSE) instead of the SUM over points.

Pattern: 2
Both are monotone under Lloyd's iterations, so the "never rises" check passes; the documented
value is the sum of squared distances of all points to their nearest centroid.
"""
import torch


def kmeans(x: torch.Tensor, init_centroids: torch.Tensor, n_iter: int):
    centroids = init_centroids.clone()
    k = centroids.shape[0]

    def assign_step(c):
        d = ((x[:, None, :] - c[None]) ** 2).sum(-1)
        best, a = d.min(dim=1)
        return a, float(best.double().mean())

    assign, inert = assign_step(centroids)
    inertia = [inert]
    for _ in range(n_iter):
        sums = torch.zeros_like(centroids).index_add_(0, assign, x)
        counts = torch.bincount(assign, minlength=k)
        keep = counts > 0
        centroids = centroids.clone()
        centroids[keep] = sums[keep] / counts[keep, None].to(x.dtype)
        assign, inert = assign_step(centroids)
        inertia.append(inert)
    return centroids, assign, inertia
