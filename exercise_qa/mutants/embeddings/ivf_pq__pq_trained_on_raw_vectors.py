"""The PQ is trained on the raw vectors x but asked to encode residuals x - c.

Pattern: 2
train() calls self.pq.train(x, ...) "since the residuals are computed at encode time"; the
codebooks then span the spread of the raw data, not of the residuals, so IVF-PQ barely beats
(or loses to) plain PQ.
"""
import torch


class IVFPQ:
    def __init__(self, d: int, nlist: int, m: int, nbits: int = 8):
        self.d, self.nlist = d, nlist
        self.centroids = None
        self.pq = ProductQuantizer(d, m, nbits)

    def train(self, x: torch.Tensor, n_iter: int = 10, seed: int = 0) -> "IVFPQ":
        rows = torch.randperm(x.shape[0], generator=torch.Generator().manual_seed(seed))[:self.nlist]
        self.centroids, _, _ = kmeans(x, x[rows.to(x.device)], n_iter)
        self.pq.train(x, n_iter, seed)
        return self

    def encode(self, x: torch.Tensor):
        list_ids = torch.cdist(x, self.centroids).argmin(1)
        return list_ids, self.pq.encode(x - self.centroids[list_ids])

    def decode(self, list_ids: torch.Tensor, codes: torch.Tensor) -> torch.Tensor:
        return self.centroids[list_ids] + self.pq.decode(codes)
