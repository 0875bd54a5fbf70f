"""Residual taken as centroid - x (and decoded as centroid - residual): codes are those of c - x, not x - c.

Pattern: 2
Self-consistent, so the reconstruction is as good as the correct one; but with fixed centroids
and codebooks the codes differ from the documented "codes of x - centroid".
"""
import torch


class IVFPQ:
    def __init__(self, d: int, nlist: int, m: int, nbits: int = 8):
        self.d, self.nlist = d, nlist
        self.centroids = None
        self.pq = ProductQuantizer(d, m, nbits)

    def _assign(self, x):
        return ((x[:, None, :] - self.centroids[None]) ** 2).sum(-1).argmin(1)

    def train(self, x: torch.Tensor, n_iter: int = 10, seed: int = 0) -> "IVFPQ":
        rows = torch.randperm(x.shape[0], generator=torch.Generator().manual_seed(seed))[:self.nlist]
        self.centroids, assign, _ = kmeans(x, x[rows.to(x.device)], n_iter)
        self.pq.train(self.centroids[assign] - x, n_iter, seed)
        return self

    def encode(self, x: torch.Tensor):
        list_ids = self._assign(x)
        return list_ids, self.pq.encode(self.centroids[list_ids] - x)

    def decode(self, list_ids: torch.Tensor, codes: torch.Tensor) -> torch.Tensor:
        return self.centroids[list_ids] - self.pq.decode(codes)
