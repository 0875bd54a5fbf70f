"""Initialises the coarse k-means from torch.randperm(n) on the global RNG instead of the seeded generator rule: results depend on whatever ran before.

Pattern: 4
"""
import torch


class IVFPQ:
    def __init__(self, d: int, nlist: int, m: int, nbits: int = 8):
        self.d, self.nlist = d, nlist
        self.centroids = None
        self.pq = ProductQuantizer(d, m, nbits)

    def train(self, x, n_iter: int = 10, seed: int = 0):
        init = torch.randperm(x.shape[0])[:self.nlist].to(x.device)
        self.centroids, _, _ = kmeans(x, x[init], n_iter)
        ids = (torch.cdist(x, self.centroids) ** 2).argmin(1)
        self.pq.train(x - self.centroids[ids], n_iter, seed)
        return self

    def encode(self, x):
        ids = (torch.cdist(x, self.centroids) ** 2).argmin(1)
        return ids, self.pq.encode(x - self.centroids[ids])

    def decode(self, list_ids, codes):
        return self.centroids[list_ids] + self.pq.decode(codes)
