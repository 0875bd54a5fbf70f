"""Cosine normalises only the database: the ranking is right, but the scores are q.x/|x|, not cosine similarities.

Pattern: 2
"The query norm is the same for every candidate, so it does not change the order": true for the
ids, but the returned D is supposed to be the cosine similarity itself.
"""
import torch
import torch.nn.functional as F


def exact_knn(xb: torch.Tensor, xq: torch.Tensor, k: int, metric: str = "l2"):
    n, nq = xb.shape[0], xq.shape[0]
    if metric == "l2":
        scores, desc, pad = (xq[:, None, :] - xb[None, :, :]).pow(2).sum(-1), False, float("inf")
    elif metric == "ip":
        scores, desc, pad = xq @ xb.T, True, float("-inf")
    elif metric == "cos":
        # the query's norm is a per-row constant: it cannot change the ranking
        scores, desc, pad = xq @ F.normalize(xb, dim=1).T, True, float("-inf")
    else:
        raise ValueError(f"unknown metric {metric!r}")
    vals, idx = torch.sort(scores, dim=1, descending=desc, stable=True)
    D = torch.full((nq, k), pad, dtype=xb.dtype, device=xb.device)
    I = torch.full((nq, k), -1, dtype=torch.int64, device=xb.device)
    kk = min(k, n)
    D[:, :kk] = vals[:, :kk]
    I[:, :kk] = idx[:, :kk]
    return D, I
