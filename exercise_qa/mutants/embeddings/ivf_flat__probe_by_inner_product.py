"""Lists probed by the largest inner product with the centroids, not the smallest squared L2 distance.

Pattern: 2
Copied from a cosine/IP index: `(xq @ centroids.T).topk(nprobe)`. With nprobe = nlist every list
is probed anyway, so the visible exactness check passes; at small nprobe the wrong lists are
searched because the centroids have different norms.
"""
import torch


class IVFFlat:
    def __init__(self, d: int, nlist: int):
        self.d, self.nlist = d, nlist
        self.centroids, self.xb, self.lists = None, None, None

    def train(self, x: torch.Tensor, n_iter: int = 10, seed: int = 0) -> "IVFFlat":
        rows = torch.randperm(x.shape[0], generator=torch.Generator().manual_seed(seed))[:self.nlist]
        self.centroids, _, _ = kmeans(x, x[rows.to(x.device)], n_iter)
        return self

    def add(self, x: torch.Tensor) -> "IVFFlat":
        self.xb = x
        assign = torch.cdist(x, self.centroids).argmin(1)
        self.lists = [torch.nonzero(assign == c).flatten() for c in range(self.nlist)]
        return self

    def search(self, xq: torch.Tensor, k: int, nprobe: int):
        nq = xq.shape[0]
        probe = torch.topk(xq @ self.centroids.T, nprobe, dim=1).indices
        D = torch.full((nq, k), float("inf"), dtype=self.xb.dtype, device=xq.device)
        I = torch.full((nq, k), -1, dtype=torch.int64, device=xq.device)
        n_evals = torch.empty(nq, dtype=torch.int64, device=xq.device)
        for i in range(nq):
            cand = torch.sort(torch.cat([self.lists[c] for c in probe[i].tolist()])).values
            n_evals[i] = self.nlist + cand.numel()
            d = ((self.xb[cand] - xq[i]) ** 2).sum(1)
            vals, order = torch.sort(d, stable=True)
            kk = min(k, cand.numel())
            D[i, :kk], I[i, :kk] = vals[:kk], cand[order[:kk]]
        return D, I, n_evals
