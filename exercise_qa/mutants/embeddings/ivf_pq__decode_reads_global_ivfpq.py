"""decode adds the centroids of the notebook's global `ivfpq` instead of self.centroids.

Pattern: 4
Written while experimenting in the visible-test cell, where `ivfpq` is the object being tested;
any other IVFPQ (fixed centroids in a hidden test) decodes with someone else's centroids.
"""
import torch


class IVFPQ:
    def __init__(self, d: int, nlist: int, m: int, nbits: int = 8):
        self.d, self.nlist = d, nlist
        self.centroids = None
        self.pq = ProductQuantizer(d, m, nbits)

    def train(self, x: torch.Tensor, n_iter: int = 10, seed: int = 0) -> "IVFPQ":
        rows = torch.randperm(x.shape[0], generator=torch.Generator().manual_seed(seed))[:self.nlist]
        self.centroids, assign, _ = kmeans(x, x[rows.to(x.device)], n_iter)
        self.pq.train(x - self.centroids[assign], n_iter, seed)
        return self

    def encode(self, x: torch.Tensor):
        list_ids = ((x[:, None, :] - self.centroids[None]) ** 2).sum(-1).argmin(1)
        return list_ids, self.pq.encode(x - self.centroids[list_ids])

    def decode(self, list_ids: torch.Tensor, codes: torch.Tensor) -> torch.Tensor:
        return ivfpq.centroids[list_ids] + ivfpq.pq.decode(codes)  # noqa: F821 (notebook global)
