"""Returned assignments are those computed before the last update, not relative to the returned centroids.

Pattern: 5
Each iteration assigns, records the inertia, then updates; after the loop the candidate returns
the last assignment it had (one update behind the returned centroids) and appends the inertia of
the new centroids computed from those stale labels. The shapes and the length of the inertia list
are right.
"""
import torch


def kmeans(x: torch.Tensor, init_centroids: torch.Tensor, n_iter: int):
    centroids = init_centroids.clone()
    k = centroids.shape[0]
    inertia = []
    assign = None
    for _ in range(n_iter):
        d = ((x[:, None, :] - centroids[None]) ** 2).sum(-1)
        best, assign = d.min(dim=1)
        inertia.append(float(best.sum()))
        for c in range(k):
            members = x[assign == c]
            if len(members) > 0:
                centroids[c] = members.mean(0)
    d = ((x[:, None, :] - centroids[None]) ** 2).sum(-1)
    if assign is None:
        assign = d.argmin(dim=1)
    # inertia of the final centroids, but with the labels we already have
    inertia.append(float(d.gather(1, assign[:, None]).sum()))
    return centroids, assign, inertia
