"""Caches the codewords' squared norms in train() and reuses them in encode/adc: when the tests assign pq.codebooks directly, the cache is missing or stale.

Pattern: 4
"""
import torch


class ProductQuantizer:
    def __init__(self, d: int, m: int, nbits: int = 8):
        if d % m or not 1 <= nbits <= 8:
            raise ValueError("d must be divisible by m, and 1 <= nbits <= 8")
        self.d, self.m, self.nbits = d, m, nbits
        self.dsub, self.ksub = d // m, 2 ** nbits
        self.codebooks = None

    def train(self, x, n_iter: int = 20, seed: int = 0):
        init = torch.randperm(x.shape[0], generator=torch.Generator().manual_seed(seed))[:self.ksub].to(x.device)
        xs = x.reshape(x.shape[0], self.m, self.dsub)
        self.codebooks = torch.stack([kmeans(xs[:, j], xs[init, j], n_iter)[0] for j in range(self.m)])
        self._cnorm = (self.codebooks ** 2).sum(-1)          # (m, ksub)
        return self

    def _table(self, x):
        xs = x.reshape(x.shape[0], self.m, self.dsub)
        dots = torch.einsum("nmd,mkd->nmk", xs, self.codebooks)
        return (xs ** 2).sum(-1, keepdim=True) - 2 * dots + self._cnorm[None]

    def encode(self, x):
        return self._table(x).argmin(-1).to(torch.uint8)

    def decode(self, codes):
        idx = codes.long()
        return torch.cat([self.codebooks[j, idx[:, j]] for j in range(self.m)], dim=1)

    def adc_table(self, q):
        return self._table(q)

    def adc_distances(self, q, codes):
        t = self.adc_table(q)
        idx = codes.long()
        return torch.stack([t[:, j, idx[:, j]] for j in range(self.m)], 0).sum(0)
