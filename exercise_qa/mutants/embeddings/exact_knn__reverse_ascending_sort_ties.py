"""For "ip"/"cos" sorts ascending with a stable sort and then flips: equal scores come out larger id first instead of smaller id first.

Pattern: 1
"""
import torch


def exact_knn(xb, xq, k, metric="l2"):
    if metric == "l2":
        scores = ((xq[:, None, :] - xb[None, :, :]) ** 2).sum(-1)
        order = torch.argsort(scores, dim=1, stable=True)
        pad_val = float("inf")
    else:
        a, b = xq, xb
        if metric == "cos":
            a = a / a.norm(dim=1, keepdim=True)
            b = b / b.norm(dim=1, keepdim=True)
        scores = a @ b.T
        order = torch.argsort(scores, dim=1, stable=True).flip(1)
        pad_val = float("-inf")
    n = xb.shape[0]
    I = order[:, :min(k, n)]
    D = scores.gather(1, I)
    if k > n:
        nq = xq.shape[0]
        D = torch.cat([D, torch.full((nq, k - n), pad_val, dtype=D.dtype, device=D.device)], 1)
        I = torch.cat([I, torch.full((nq, k - n), -1, dtype=torch.long, device=I.device)], 1)
    return D, I
