"""Encodes every sub-vector against the first subspace's codebook instead of its own."""
import torch


class ProductQuantizer(ProductQuantizer):
    def encode(self, x):
        subs = x.reshape(x.shape[0], self.m, self.dsub)
        book = self.codebooks[0].to(x.dtype)  # always codebook 0
        d2 = ((subs[:, :, None, :] - book[None, None]) ** 2).sum(-1)  # (n, m, ksub)
        return d2.argmin(-1).to(torch.uint8)
