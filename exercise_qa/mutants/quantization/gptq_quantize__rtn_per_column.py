"""Quantizes each column with rtn_quantize(W[:, i:i+1]), so every weight gets its own absmax scale: the "quantized" column is exact instead of on the per-row grid of the original W.

Pattern: 2
"""
import torch


def gptq_quantize(w: torch.Tensor, x: torch.Tensor, bits: int = 4, damp: float = 0.01) -> torch.Tensor:
    W = w.detach().to(torch.float64).clone()
    X = x.detach().to(torch.float64)
    n_in = W.shape[1]
    qmax = 2 ** (bits - 1) - 1
    amax = W.abs().amax(dim=1)
    scale = torch.where(amax > 0, amax / qmax, torch.ones_like(amax))
    H = 2 * X.T @ X
    H = H + damp * torch.diag(H).mean() * torch.eye(n_in, dtype=H.dtype, device=H.device)
    U = torch.linalg.cholesky(torch.linalg.inv(H), upper=True)
    Q = torch.zeros_like(W)
    for i in range(n_in):
        col = W[:, i]
        q = rtn_quantize(col.unsqueeze(1), bits).squeeze(1)
        Q[:, i] = q
        e = (col - q) / U[i, i]
        W[:, i + 1:] -= e.unsqueeze(1) * U[i, i + 1:].unsqueeze(0)
    return Q.to(w.dtype)
