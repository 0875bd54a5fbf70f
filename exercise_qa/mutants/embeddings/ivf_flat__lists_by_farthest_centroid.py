"""Probes the nprobe FARTHEST lists: the centroid distances were sorted in descending order."""
import torch


class IVFFlat(IVFFlat):
    def search(self, xq, k, nprobe):
        probe = (torch.cdist(xq, self.centroids) ** 2).argsort(dim=1, descending=True)[:, :nprobe]
        D_rows, I_rows, evals = [], [], []
        for i in range(xq.shape[0]):
            cand = torch.sort(torch.cat([self.lists[c] for c in probe[i].tolist()]))[0]
            D_i, local = exact_knn(self.xb[cand], xq[i:i + 1], k, "l2")
            ids = cand[local.clamp_min(0)] if cand.numel() else local
            D_rows.append(D_i[0])
            I_rows.append(torch.where(local >= 0, ids, local)[0])
            evals.append(self.nlist + cand.numel())
        return torch.stack(D_rows), torch.stack(I_rows), torch.tensor(evals, device=xq.device)
