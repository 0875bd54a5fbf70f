"""Trains the shared PQ on the raw vectors x instead of the residuals x - c, then encodes residuals with codebooks that were fitted to the wrong distribution.

Pattern: 5
"""
import torch


class IVFPQ:
    def __init__(self, d: int, nlist: int, m: int, nbits: int = 8):
        self.d, self.nlist = d, nlist
        self.centroids = None
        self.pq = ProductQuantizer(d, m, nbits)

    def train(self, x, n_iter: int = 10, seed: int = 0):
        init = torch.randperm(x.shape[0], generator=torch.Generator().manual_seed(seed))[:self.nlist]
        self.centroids, _, _ = kmeans(x, x[init.to(x.device)], n_iter)
        self.pq.train(x, n_iter, seed)
        return self

    def encode(self, x):
        ids = (torch.cdist(x, self.centroids) ** 2).argmin(1)
        return ids, self.pq.encode(x - self.centroids[ids])

    def decode(self, list_ids, codes):
        return self.centroids[list_ids] + self.pq.decode(codes)
