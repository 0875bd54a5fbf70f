"""The notes' "capped" k-means: a cluster keeps at most n/k points and the rest are discarded."""
import torch


def kmeans(x, init_centroids, n_iter):
    centroids = init_centroids.clone()
    n, k = x.shape[0], centroids.shape[0]
    cap = max(1, n // k)
    inertia = []
    for step in range(n_iter + 1):
        d2 = torch.cdist(x, centroids) ** 2
        nearest, assign = d2.min(dim=1)
        inertia.append(float(nearest.sum()))
        if step == n_iter:
            break
        for c in range(k):
            members = torch.nonzero(assign == c).flatten()[:cap]  # surplus points dropped
            if len(members):
                centroids[c] = x[members].mean(0)
    return centroids, assign, inertia
