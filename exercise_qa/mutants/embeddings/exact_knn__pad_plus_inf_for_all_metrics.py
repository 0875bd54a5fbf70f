"""Padding for k > n always uses +inf, even for "ip"/"cos" where the worst score is -inf.

Pattern: 2
The candidate pads once, with the L2 convention, for every metric; a padded "ip" column then
looks like the best possible similarity.
"""
import torch
import torch.nn.functional as F


def exact_knn(xb: torch.Tensor, xq: torch.Tensor, k: int, metric: str = "l2"):
    n, nq = xb.shape[0], xq.shape[0]
    if metric == "l2":
        scores, desc = (xq[:, None, :] - xb[None, :, :]).pow(2).sum(-1), False
    elif metric == "ip":
        scores, desc = xq @ xb.T, True
    elif metric == "cos":
        scores, desc = F.normalize(xq, dim=1) @ F.normalize(xb, dim=1).T, True
    else:
        raise ValueError(f"unknown metric {metric!r}")
    vals, idx = torch.sort(scores, dim=1, descending=desc, stable=True)
    D = torch.full((nq, k), float("inf"), dtype=xb.dtype, device=xb.device)
    I = torch.full((nq, k), -1, dtype=torch.int64, device=xb.device)
    kk = min(k, n)
    D[:, :kk] = vals[:, :kk]
    I[:, :kk] = idx[:, :kk]
    return D, I
