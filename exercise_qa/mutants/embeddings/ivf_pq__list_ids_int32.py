"""list_ids returned as int32 (from .int() "to save memory"), not int64.

Pattern: 2
Indexing still works, so decode and the reconstruction error are right; the documented dtype
of list_ids is int64.
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
        list_ids = torch.cdist(x, self.centroids).argmin(1).int()  # nlist is small: int32 is enough
        return list_ids, self.pq.encode(x - self.centroids[list_ids.long()])

    def decode(self, list_ids: torch.Tensor, codes: torch.Tensor) -> torch.Tensor:
        return self.centroids[list_ids.long()] + self.pq.decode(codes)
