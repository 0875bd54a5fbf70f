"""K-means "with a limit": each centroid is updated from at most n/k of its points, the rest are discarded.

Pattern: 2
The study-notes variant the markdown warns about. Assignment still covers every point, but the
update step keeps only the first n // k members of each cluster, so on unbalanced data the
centroids are not the means of their clusters and the result differs from Lloyd's.
"""
import torch


def kmeans(x: torch.Tensor, init_centroids: torch.Tensor, n_iter: int):
    centroids = init_centroids.clone()
    n, k = x.shape[0], centroids.shape[0]
    cap = max(1, n // k)

    def assign_step(c):
        d = ((x[:, None, :] - c[None]) ** 2).sum(-1)
        best, a = d.min(dim=1)
        return a, float(best.sum())

    assign, inert = assign_step(centroids)
    inertia = [inert]
    for _ in range(n_iter):
        new = centroids.clone()
        for c in range(k):
            members = torch.nonzero(assign == c).flatten()[:cap]  # capacity n/k
            if members.numel() > 0:
                new[c] = x[members].mean(0)
        centroids = new
        assign, inert = assign_step(centroids)
        inertia.append(inert)
    return centroids, assign, inertia
