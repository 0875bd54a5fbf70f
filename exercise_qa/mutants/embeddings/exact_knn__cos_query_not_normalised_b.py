"""Cosine metric normalises the database vectors but not the queries: the ranking is right but the scores are q.x/|x|, not cosine similarities.

Pattern: 5
"""
import torch


def exact_knn(xb, xq, k, metric="l2"):
    n = xb.shape[0]
    if metric == "l2":
        s = torch.cdist(xq, xb) ** 2
        desc = False
    elif metric == "ip":
        s = xq @ xb.T
        desc = True
    elif metric == "cos":
        s = xq @ (xb / xb.norm(dim=1, keepdim=True)).T
        desc = True
    else:
        raise ValueError(metric)
    order = torch.sort(-s if desc else s, dim=1, stable=True).indices
    I = order[:, :k]
    D = s.gather(1, I)
    if k > n:
        fill = float("-inf") if desc else float("inf")
        extra = k - n
        D = torch.cat([D, D.new_full((D.shape[0], extra), fill)], 1)
        I = torch.cat([I, I.new_full((I.shape[0], extra), -1)], 1)
    return D, I
