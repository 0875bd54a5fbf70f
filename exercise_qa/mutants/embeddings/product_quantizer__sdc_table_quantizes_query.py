"""ADC table built from the query's own codewords (symmetric distance), not from the raw query.

Pattern: 2
adc_table encodes the query first and measures codeword-to-codeword distances (SDC), which the
markdown forbids ("the query is NOT quantized"). adc_distances is computed directly from the
decoded vectors, so the visible ADC-vs-decode check passes.
"""
import torch


class ProductQuantizer:
    def __init__(self, d: int, m: int, nbits: int = 8):
        if d % m or not 1 <= nbits <= 8:
            raise ValueError("d must be divisible by m, and 1 <= nbits <= 8")
        self.d, self.m, self.nbits = d, m, nbits
        self.dsub, self.ksub = d // m, 2 ** nbits
        self.codebooks = None

    def _sub(self, x):
        return x.reshape(x.shape[0], self.m, self.dsub)

    def train(self, x: torch.Tensor, n_iter: int = 20, seed: int = 0) -> "ProductQuantizer":
        rows = torch.randperm(x.shape[0], generator=torch.Generator().manual_seed(seed))[:self.ksub]
        rows = rows.to(x.device)
        xs = self._sub(x)
        self.codebooks = torch.stack([kmeans(xs[:, j], xs[rows, j], n_iter)[0] for j in range(self.m)])
        return self

    def encode(self, x: torch.Tensor) -> torch.Tensor:
        xs = self._sub(x)
        codes = [torch.cdist(xs[:, j], self.codebooks[j]).argmin(1) for j in range(self.m)]
        return torch.stack(codes, 1).to(torch.uint8)

    def decode(self, codes: torch.Tensor) -> torch.Tensor:
        c = codes.long()
        return torch.cat([self.codebooks[j][c[:, j]] for j in range(self.m)], dim=1)

    def adc_table(self, q: torch.Tensor) -> torch.Tensor:
        qhat = self._sub(self.decode(self.encode(q)))  # quantize the query too
        return torch.stack([((qhat[:, j, None, :] - self.codebooks[j][None]) ** 2).sum(-1)
                            for j in range(self.m)], dim=1)

    def adc_distances(self, q: torch.Tensor, codes: torch.Tensor) -> torch.Tensor:
        return ((q[:, None, :] - self.decode(codes)[None]) ** 2).sum(-1)
