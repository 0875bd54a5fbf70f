"""Centroids updated in place on init_centroids itself: the caller's starting centroids are overwritten.

Pattern: 2
`centroids = init_centroids` is an alias, not a copy; the docstring says the argument is not
modified in place (and in the tests init_centroids is often a view of x, so x changes too).
"""
import torch


def kmeans(x: torch.Tensor, init_centroids: torch.Tensor, n_iter: int):
    centroids = init_centroids  # alias, not a copy
    k = centroids.shape[0]

    def assign_step():
        d = torch.cdist(x, centroids).pow(2)
        best, a = d.min(dim=1)
        return a, float(best.sum())

    assign, inert = assign_step()
    inertia = [inert]
    for _ in range(n_iter):
        for c in range(k):
            mask = assign == c
            if mask.any():
                centroids[c] = x[mask].mean(0)
        assign, inert = assign_step()
        inertia.append(inert)
    return centroids, assign, inertia
