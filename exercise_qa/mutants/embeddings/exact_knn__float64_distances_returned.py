"""Distances computed in float64 "for accuracy" and returned in float64: D must have xb's dtype (float32).

Pattern: 2
The values are, if anything, more accurate, so every tolerance check passes; only the documented
return dtype is wrong.
"""
import torch
import torch.nn.functional as F


def exact_knn(xb: torch.Tensor, xq: torch.Tensor, k: int, metric: str = "l2"):
    xb64, xq64 = xb.double(), xq.double()
    n, nq = xb.shape[0], xq.shape[0]
    if metric == "l2":
        scores, desc, pad = torch.cdist(xq64, xb64).pow(2), False, float("inf")
    elif metric == "ip":
        scores, desc, pad = xq64 @ xb64.T, True, float("-inf")
    elif metric == "cos":
        scores, desc, pad = F.normalize(xq64, dim=1) @ F.normalize(xb64, dim=1).T, True, float("-inf")
    else:
        raise ValueError(f"unknown metric {metric!r}")
    vals, idx = torch.sort(scores, dim=1, descending=desc, stable=True)
    D = torch.full((nq, k), pad, dtype=torch.float64, device=xb.device)
    I = torch.full((nq, k), -1, dtype=torch.int64, device=xb.device)
    kk = min(k, n)
    D[:, :kk] = vals[:, :kk]
    I[:, :kk] = idx[:, :kk]
    return D, I
