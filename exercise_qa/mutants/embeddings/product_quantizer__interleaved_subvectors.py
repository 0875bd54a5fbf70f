"""Sub-vectors taken as strided slices x[:, j::m] instead of contiguous blocks x[:, j*dsub:(j+1)*dsub].

Pattern: 5
`x.view(n, dsub, m)[:, :, j]` looks like a reshape into m groups but interleaves the dimensions.
encode, decode and the ADC table all use the same wrong layout, so ADC still equals the distance
to the decoded vectors and the reconstruction is reasonable; the codes of a given codebook
subspace are not the ones the documented layout gives.
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
        return x.reshape(x.shape[0], self.dsub, self.m)[:, :, j]

    def train(self, x: torch.Tensor, n_iter: int = 20, seed: int = 0) -> "ProductQuantizer":
        rows = torch.randperm(x.shape[0], generator=torch.Generator().manual_seed(seed))[:self.ksub]
        rows = rows.to(x.device)
        books = []
        for j in range(self.m):
            xj = self._sub(x, j)
            books.append(kmeans(xj, xj[rows], n_iter)[0])
        self.codebooks = torch.stack(books)
        return self

    def encode(self, x: torch.Tensor) -> torch.Tensor:
        codes = [((self._sub(x, j)[:, None] - self.codebooks[j][None]) ** 2).sum(-1).argmin(1)
                 for j in range(self.m)]
        return torch.stack(codes, 1).to(torch.uint8)

    def decode(self, codes: torch.Tensor) -> torch.Tensor:
        c = codes.long()
        parts = torch.stack([self.codebooks[j][c[:, j]] for j in range(self.m)], dim=2)  # (n, dsub, m)
        return parts.reshape(codes.shape[0], self.d)

    def adc_table(self, q: torch.Tensor) -> torch.Tensor:
        return torch.stack([((self._sub(q, j)[:, None] - self.codebooks[j][None]) ** 2).sum(-1)
                            for j in range(self.m)], dim=1)

    def adc_distances(self, q: torch.Tensor, codes: torch.Tensor) -> torch.Tensor:
        table = self.adc_table(q)
        c = codes.long()
        return sum(table[:, j, c[:, j]] for j in range(self.m))
