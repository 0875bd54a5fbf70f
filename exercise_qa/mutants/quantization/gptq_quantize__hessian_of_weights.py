"""Builds the 'Hessian' from the weights (W^T W) instead of the calibration activations (2 X^T X)."""
import torch


def gptq_quantize(w, x, bits=4, damp=0.01):
    W = w.detach().double().clone()
    qmax = 2 ** (bits - 1) - 1
    amax = W.abs().amax(dim=1)
    scale = torch.where(amax > 0, amax / qmax, torch.ones_like(amax))
    H = 2 * W.T @ W
    H = H + damp * H.diagonal().mean() * torch.eye(W.shape[1], dtype=H.dtype, device=H.device)
    U = torch.linalg.cholesky(torch.linalg.inv(H), upper=True)
    Q = torch.zeros_like(W)
    for i in range(W.shape[1]):
        q = torch.clamp(torch.round(W[:, i] / scale), -qmax - 1, qmax) * scale
        Q[:, i] = q
        W[:, i + 1:] -= ((W[:, i] - q) / U[i, i])[:, None] * U[i, i + 1:][None, :]
    return Q.to(w.dtype)
