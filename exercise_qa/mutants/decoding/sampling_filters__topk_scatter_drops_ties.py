"""top-k keeps exactly the k indices returned by torch.topk (scatter of the top-k values): tokens tied with the k-th logit are dropped instead of all kept.

Pattern: 1
"""
import torch


def top_k_filter(logits: torch.Tensor, k: int) -> torch.Tensor:
    if k < 1:
        raise ValueError("k must be >= 1")
    k = min(k, logits.shape[-1])
    vals, idx = torch.topk(logits, k, dim=-1)
    out = torch.full_like(logits, float("-inf"))
    return out.scatter(-1, idx, vals)


def top_p_filter(logits: torch.Tensor, p: float) -> torch.Tensor:
    sorted_logits, idx = torch.sort(logits, dim=-1, descending=False)
    cum = torch.softmax(sorted_logits, dim=-1).cumsum(dim=-1)
    remove_sorted = cum <= 1 - p
    remove_sorted[..., -1] = False
    remove = remove_sorted.scatter(-1, idx, remove_sorted)
    return logits.masked_fill(remove, float("-inf"))


def min_p_filter(logits: torch.Tensor, min_p: float) -> torch.Tensor:
    probs = torch.softmax(logits, dim=-1)
    thr = min_p * probs.max(dim=-1, keepdim=True).values
    return logits.masked_fill(probs < thr, float("-inf"))
