"""Empty cluster handled with counts.clamp(min=1): its centroid jumps to the origin instead of keeping its position.

Pattern: 1
sums / counts.clamp(min=1) avoids the 0/0 NaN, but for an empty cluster the sum is 0, so the
centroid becomes the zero vector rather than staying where it was.
"""
import torch


def kmeans(x: torch.Tensor, init_centroids: torch.Tensor, n_iter: int):
    centroids = init_centroids.clone()
    k = centroids.shape[0]

    def assign_step(c):
        d = torch.cdist(x, c).pow(2)
        best, a = d.min(dim=1)
        return a, float(best.sum())

    assign, inert = assign_step(centroids)
    inertia = [inert]
    for _ in range(n_iter):
        sums = torch.zeros_like(centroids).index_add_(0, assign, x)
        counts = torch.bincount(assign, minlength=k).clamp(min=1).to(x.dtype)
        centroids = sums / counts[:, None]
        assign, inert = assign_step(centroids)
        inertia.append(inert)
    return centroids, assign, inertia
