"""adc_table stacks the per-subspace tables on dim 0 and returns (m, nq, ksub) instead of (nq, m, ksub); adc_distances reads it consistently, so only the table's layout is wrong.

Pattern: 5
"""
import torch


class ProductQuantizer:
    def __init__(self, d: int, m: int, nbits: int = 8):
        if d % m or not 1 <= nbits <= 8:
            raise ValueError("d must be divisible by m, and 1 <= nbits <= 8")
        self.d, self.m, self.nbits = d, m, nbits
        self.dsub, self.ksub = d // m, 2 ** nbits
        self.codebooks = None

    def _sub(self, x, j):
        return x[:, j * self.dsub:(j + 1) * self.dsub]

    def train(self, x, n_iter: int = 20, seed: int = 0):
        init = torch.randperm(x.shape[0], generator=torch.Generator().manual_seed(seed))[:self.ksub].to(x.device)
        self.codebooks = torch.stack([kmeans(self._sub(x, j), self._sub(x, j)[init], n_iter)[0]
                                      for j in range(self.m)])
        return self

    def encode(self, x):
        return torch.stack([(torch.cdist(self._sub(x, j), self.codebooks[j]) ** 2).argmin(1)
                            for j in range(self.m)], 1).to(torch.uint8)

    def decode(self, codes):
        return torch.cat([self.codebooks[j][codes[:, j].long()] for j in range(self.m)], 1)

    def adc_table(self, q):
        return torch.stack([torch.cdist(self._sub(q, j), self.codebooks[j]) ** 2 for j in range(self.m)])

    def adc_distances(self, q, codes):
        t = self.adc_table(q)                       # (m, nq, ksub)
        return sum(t[j][:, codes[:, j].long()] for j in range(self.m))
