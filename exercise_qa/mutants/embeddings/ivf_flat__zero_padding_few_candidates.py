"""Result buffers initialised with zeros: with fewer than k candidates the tail holds id 0 at distance 0, not -1 / +inf.

Pattern: 1
torch.zeros instead of torch.full(inf) / torch.full(-1). With many candidates every slot is
overwritten and nothing shows; with nprobe = 1 on a small list the padding claims that vector 0
is a perfect match.
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
        cd = ((xq[:, None, :] - self.centroids[None]) ** 2).sum(-1)
        probe = torch.sort(cd, dim=1, stable=True).indices[:, :nprobe]
        D = torch.zeros(nq, k, dtype=self.xb.dtype, device=xq.device)
        I = torch.zeros(nq, k, dtype=torch.int64, device=xq.device)
        n_evals = torch.zeros(nq, dtype=torch.int64, device=xq.device)
        for i in range(nq):
            cand = torch.sort(torch.cat([self.lists[c] for c in probe[i].tolist()])).values
            n_evals[i] = self.nlist + cand.numel()
            d = ((self.xb[cand] - xq[i]) ** 2).sum(1)
            vals, order = torch.sort(d, stable=True)
            kk = min(k, cand.numel())
            D[i, :kk], I[i, :kk] = vals[:kk], cand[order[:kk]]
        return D, I, n_evals
