"""Ranks the candidates with topk(k): crashes when the probed lists hold fewer than k vectors instead of padding with +inf / -1.

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
        cd = torch.cdist(xq, self.centroids) ** 2
        probes = torch.argsort(cd, dim=1, stable=True)[:, :nprobe]
        Ds, Is, evals = [], [], []
        for i in range(xq.shape[0]):
            cand = torch.cat([self.lists[c] for c in probes[i].tolist()]).sort().values
            d = (torch.cdist(xq[i:i + 1], self.xb[cand]) ** 2)[0]
            vals, pos = torch.topk(-d, k)
            Ds.append(-vals)
            Is.append(cand[pos])
            evals.append(self.nlist + cand.numel())
        return torch.stack(Ds), torch.stack(Is), torch.tensor(evals, dtype=torch.long, device=xq.device)
