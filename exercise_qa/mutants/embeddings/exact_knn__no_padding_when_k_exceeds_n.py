"""k larger than n is silently clamped to n: the result has n columns instead of k padded with -1 / inf.

Pattern: 1
torch.topk refuses k > n, so the candidate writes k = min(k, n) and returns a narrower result;
the documented padding (id -1, distance +inf / -inf) never appears.
"""
import torch
import torch.nn.functional as F


def exact_knn(xb: torch.Tensor, xq: torch.Tensor, k: int, metric: str = "l2"):
    n = xb.shape[0]
    k = min(k, n)
    if metric == "l2":
        scores = (xq[:, None, :] - xb[None, :, :]).pow(2).sum(-1)
        vals, idx = torch.sort(scores, dim=1, stable=True)
    elif metric in ("ip", "cos"):
        if metric == "cos":
            scores = F.normalize(xq, dim=1) @ F.normalize(xb, dim=1).T
        else:
            scores = xq @ xb.T
        vals, idx = torch.sort(scores, dim=1, descending=True, stable=True)
    else:
        raise ValueError(f"unknown metric {metric!r}")
    return vals[:, :k], idx[:, :k]
