"""Adds the weighted rounding error to the remaining columns instead of subtracting it (sign error in the update)."""
import torch


def gptq_quantize(w, x, bits=4, damp=0.01):
    W = w.detach().double().clone()
    X = x.detach().double()
    qmax = 2 ** (bits - 1) - 1
    amax = W.abs().amax(dim=1)
    scale = torch.where(amax > 0, amax / qmax, torch.ones_like(amax))
    H = 2 * X.T @ X
    H = H + damp * H.diagonal().mean() * torch.eye(W.shape[1], dtype=H.dtype, device=H.device)
    U = torch.linalg.cholesky(torch.linalg.inv(H), upper=True)
    Q = torch.zeros_like(W)
    for i in range(W.shape[1]):
        q = torch.clamp(torch.round(W[:, i] / scale), -qmax - 1, qmax) * scale
        Q[:, i] = q
        W[:, i + 1:] += ((W[:, i] - q) / U[i, i])[:, None] * U[i, i + 1:][None, :]
    return Q.to(w.dtype)
