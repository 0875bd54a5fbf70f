"""ADC table holds plain L2 distances (torch.cdist) and adc_distances squares them at look-up time.

Pattern: 2
Summing the squares of the m looked-up sub-distances gives the right total, so adc_distances is
correct; but adc_table is documented as the table of SQUARED distances, and it is not.
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
        rows = rows.to(x.device)
        books = []
        for j in range(self.m):
            sub = x[:, j * self.dsub:(j + 1) * self.dsub]
            books.append(kmeans(sub, sub[rows], n_iter)[0])
        self.codebooks = torch.stack(books)
        return self

    def encode(self, x: torch.Tensor) -> torch.Tensor:
        table = self.adc_table(x)  # nearest codeword = smallest distance
        return table.argmin(dim=2).to(torch.uint8)

    def decode(self, codes: torch.Tensor) -> torch.Tensor:
        c = codes.long()
        return torch.cat([self.codebooks[j][c[:, j]] for j in range(self.m)], dim=1)

    def adc_table(self, q: torch.Tensor) -> torch.Tensor:
        qs = q.reshape(q.shape[0], self.m, self.dsub)
        return torch.stack([torch.cdist(qs[:, j], self.codebooks[j]) for j in range(self.m)], dim=1)

    def adc_distances(self, q: torch.Tensor, codes: torch.Tensor) -> torch.Tensor:
        table = self.adc_table(q)
        c = codes.long()
        out = torch.zeros(q.shape[0], codes.shape[0], dtype=table.dtype, device=table.device)
        for j in range(self.m):
            out += table[:, j, c[:, j]] ** 2
        return out
