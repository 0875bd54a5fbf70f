"""Encodes the raw vector x with the PQ instead of the residual x - centroid (and trains on raw x)."""
import torch


class IVFPQ(IVFPQ):
    def train(self, x, n_iter=10, seed=0):
        rows = torch.randperm(x.shape[0], generator=torch.Generator().manual_seed(seed))[:self.nlist]
        self.centroids, _, _ = kmeans(x, x[rows.to(x.device)], n_iter)
        self.pq.train(x, n_iter, seed)
        return self

    def encode(self, x):
        list_ids = (torch.cdist(x, self.centroids) ** 2).argmin(1)
        return list_ids, self.pq.encode(x)

    def decode(self, list_ids, codes):
        return self.pq.decode(codes)
