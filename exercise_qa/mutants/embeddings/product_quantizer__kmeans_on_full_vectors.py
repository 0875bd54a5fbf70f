"""Codebooks learned by ONE k-means on the full d-dim vectors, then cut into sub-codebooks.

Pattern: 5
The candidate trains ksub full-dimensional centroids and slices each into m pieces. The codebook
has the right shape (m, ksub, dsub) and encode/decode/ADC are right for whatever codebooks are set,
but the sub-quantizers were never trained on their own subspaces: ksub^m combinations are not
exploited, and the reconstruction error is far above faiss's.
"""
import torch


class ProductQuantizer:
    def __init__(self, d: int, m: int, nbits: int = 8):
        if d % m or not 1 <= nbits <= 8:
            raise ValueError("d must be divisible by m, and 1 <= nbits <= 8")
        self.d, self.m, self.nbits = d, m, nbits
        self.dsub, self.ksub = d // m, 2 ** nbits
        self.codebooks = None

    def train(self, x: torch.Tensor, n_iter: int = 20, seed: int = 0) -> "ProductQuantizer":
        rows = torch.randperm(x.shape[0], generator=torch.Generator().manual_seed(seed))[:self.ksub]
        centroids, _, _ = kmeans(x, x[rows.to(x.device)], n_iter)  # (ksub, d)
        self.codebooks = centroids.reshape(self.ksub, self.m, self.dsub).permute(1, 0, 2).contiguous()
        return self

    def encode(self, x: torch.Tensor) -> torch.Tensor:
        xs = x.reshape(x.shape[0], self.m, self.dsub)
        codes = [torch.cdist(xs[:, j], self.codebooks[j]).argmin(1) for j in range(self.m)]
        return torch.stack(codes, 1).to(torch.uint8)

    def decode(self, codes: torch.Tensor) -> torch.Tensor:
        c = codes.long()
        return torch.cat([self.codebooks[j][c[:, j]] for j in range(self.m)], dim=1)

    def adc_table(self, q: torch.Tensor) -> torch.Tensor:
        qs = q.reshape(q.shape[0], self.m, self.dsub)
        return ((qs[:, :, None, :] - self.codebooks[None]) ** 2).sum(-1)

    def adc_distances(self, q: torch.Tensor, codes: torch.Tensor) -> torch.Tensor:
        table = self.adc_table(q)  # (nq, m, ksub)
        c = codes.long()
        idx = c.T[None].expand(q.shape[0], -1, -1)  # (nq, m, n)
        return table.gather(2, idx).sum(1)
