"""Scores sorted ascending then flipped for "ip"/"cos": equal scores come out largest id first (faiss IndexFlatIP order), not smaller id first.

Pattern: 2
The candidate reuses one ascending sort for every metric and reverses the columns for the
"largest first" metrics. The order of distinct scores is right, and "l2" is untouched, but the
documented tie rule (smaller id first) is broken for inner product and cosine.
"""
import torch
import torch.nn.functional as F


def exact_knn(xb: torch.Tensor, xq: torch.Tensor, k: int, metric: str = "l2"):
    n = xb.shape[0]
    if metric == "l2":
        scores = (xq[:, None, :] - xb[None, :, :]).pow(2).sum(-1)
    elif metric == "ip":
        scores = xq @ xb.T
    elif metric == "cos":
        scores = F.normalize(xq, dim=1) @ F.normalize(xb, dim=1).T
    else:
        raise ValueError(f"unknown metric {metric!r}")
    vals, idx = torch.sort(scores, dim=1, stable=True)  # ascending, ties by smaller id
    if metric != "l2":
        vals, idx = vals.flip(1), idx.flip(1)  # largest first
    kk = min(k, n)
    pad = float("inf") if metric == "l2" else float("-inf")
    D = torch.full((xq.shape[0], k), pad, dtype=xb.dtype, device=xb.device)
    I = torch.full((xq.shape[0], k), -1, dtype=torch.int64, device=xb.device)
    D[:, :kk] = vals[:, :kk]
    I[:, :kk] = idx[:, :kk]
    return D, I
