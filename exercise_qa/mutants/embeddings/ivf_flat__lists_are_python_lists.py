"""self.lists holds Python lists of ints instead of int64 tensors.

Pattern: 2
Built with `lists[c].append(i)` in a loop; len() and iteration still work, so the visible test
(which only prints the list sizes) passes. The class docstring promises a list of nlist int64
tensors.
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
        assign = torch.cdist(x, self.centroids).argmin(1).tolist()
        self.lists = [[] for _ in range(self.nlist)]
        for i, c in enumerate(assign):
            self.lists[c].append(i)
        return self

    def search(self, xq: torch.Tensor, k: int, nprobe: int):
        nq = xq.shape[0]
        cd = ((xq[:, None, :] - self.centroids[None]) ** 2).sum(-1)
        probe = torch.sort(cd, dim=1, stable=True).indices[:, :nprobe]
        D = torch.full((nq, k), float("inf"), dtype=self.xb.dtype, device=xq.device)
        I = torch.full((nq, k), -1, dtype=torch.int64, device=xq.device)
        n_evals = torch.zeros(nq, dtype=torch.int64, device=xq.device)
        for i in range(nq):
            cand = sorted(j for c in probe[i].tolist() for j in self.lists[c])
            n_evals[i] = self.nlist + len(cand)
            cand = torch.tensor(cand, dtype=torch.int64, device=xq.device)
            d = ((self.xb[cand] - xq[i]) ** 2).sum(1)
            vals, order = torch.sort(d, stable=True)
            kk = min(k, cand.numel())
            D[i, :kk], I[i, :kk] = vals[:kk], cand[order[:kk]]
        return D, I, n_evals
