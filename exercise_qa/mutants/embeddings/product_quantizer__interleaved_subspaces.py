"""Splits vectors with x.view(n, dsub, m) instead of (n, m, dsub): subspace j takes every m-th dimension rather than the contiguous j-th slice; self-consistent, so ADC still matches decode.

Pattern: 2
"""
import torch


class ProductQuantizer:
    def __init__(self, d: int, m: int, nbits: int = 8):
        if d % m or not 1 <= nbits <= 8:
            raise ValueError("d must be divisible by m, and 1 <= nbits <= 8")
        self.d, self.m, self.nbits = d, m, nbits
        self.dsub, self.ksub = d // m, 2 ** nbits
        self.codebooks = None

    def _split(self, x):
        return x.reshape(x.shape[0], self.dsub, self.m).transpose(1, 2)   # (n, m, dsub)

    def train(self, x, n_iter: int = 20, seed: int = 0):
        n = x.shape[0]
        init = torch.randperm(n, generator=torch.Generator().manual_seed(seed))[:self.ksub].to(x.device)
        xs = self._split(x)
        books = []
        for j in range(self.m):
            sub = xs[:, j].contiguous()
            c, _, _ = kmeans(sub, sub[init], n_iter)
            books.append(c)
        self.codebooks = torch.stack(books)
        return self

    def encode(self, x):
        xs = self._split(x)
        codes = [(torch.cdist(xs[:, j].contiguous(), self.codebooks[j]) ** 2).argmin(1) for j in range(self.m)]
        return torch.stack(codes, 1).to(torch.uint8)

    def decode(self, codes):
        parts = torch.stack([self.codebooks[j][codes[:, j].long()] for j in range(self.m)], 1)  # (n, m, dsub)
        return parts.transpose(1, 2).reshape(codes.shape[0], self.d)

    def adc_table(self, q):
        qs = self._split(q)
        return torch.stack([torch.cdist(qs[:, j].contiguous(), self.codebooks[j]) ** 2 for j in range(self.m)], 1)

    def adc_distances(self, q, codes):
        t = self.adc_table(q)
        out = torch.zeros(q.shape[0], codes.shape[0], dtype=t.dtype, device=t.device)
        for j in range(self.m):
            out += t[:, j, codes[:, j].long()]
        return out
