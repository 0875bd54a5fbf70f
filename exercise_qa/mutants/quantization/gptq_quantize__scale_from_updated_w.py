"""Recomputes each row's absmax scale from the partially updated W before every column instead of once from the original W.

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
        amax = W[:, i:].abs().amax(dim=1)
        scale = torch.where(amax > 0, amax / qmax, torch.ones_like(amax))
        col = W[:, i]
        q = torch.clamp(torch.round(col / scale), -qmax - 1, qmax) * scale
        Q[:, i] = q
        e = (col - q) / U[i, i]
        W[:, i + 1:] -= e.unsqueeze(1) * U[i, i + 1:].unsqueeze(0)
    return Q.to(w.dtype)
