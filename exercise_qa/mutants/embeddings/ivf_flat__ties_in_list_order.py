"""Concatenates the probed lists in probe order and sorts only by distance: equal distances come out in list order, not smaller id first.

Pattern: 1
"""
import torch


class IVFFlat:
    def __init__(self, d: int, nlist: int):
        self.d, self.nlist = d, nlist
        self.centroids, self.xb, self.lists = None, None, None

    def train(self, x, n_iter: int = 10, seed: int = 0):
        init = torch.randperm(x.shape[0], generator=torch.Generator().manual_seed(seed))[:self.nlist]
        self.centroids, _, _ = kmeans(x, x[init.to(x.device)], n_iter)
        return self

    def add(self, x):
        self.xb = x
        a = (torch.cdist(x, self.centroids) ** 2).argmin(1)
        self.lists = [torch.nonzero(a == c).flatten() for c in range(self.nlist)]
        return self

    def search(self, xq, k, nprobe):
        nq = xq.shape[0]
        D = torch.full((nq, k), float("inf"), dtype=xq.dtype, device=xq.device)
        I = torch.full((nq, k), -1, dtype=torch.long, device=xq.device)
        n_evals = torch.zeros(nq, dtype=torch.long, device=xq.device)
        for i in range(nq):
            q = xq[i:i + 1]
            probe = torch.argsort(((self.centroids - q) ** 2).sum(1), stable=True)[:nprobe]
            cand = torch.cat([self.lists[c] for c in probe.tolist()])
            n_evals[i] = self.nlist + len(cand)
            d = (torch.cdist(q, self.xb[cand]) ** 2)[0]
            order = torch.argsort(d, stable=True)[:k]
            D[i, :len(order)] = d[order]
            I[i, :len(order)] = cand[order]
        return D, I, n_evals
