"""Builds the distance tables from the quantized (decoded) query: symmetric, not asymmetric, distance."""
import torch


class ProductQuantizer(ProductQuantizer):
    def adc_table(self, q):
        q_hat = self.decode(self.encode(q))  # quantizing the query throws information away
        subs = q_hat.reshape(q.shape[0], self.m, 1, self.dsub)
        return (subs - self.codebooks.to(q.dtype)[None]).pow(2).sum(-1)
