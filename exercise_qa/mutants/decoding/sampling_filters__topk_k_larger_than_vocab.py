"""top-k calls torch.topk(logits, k) without clamping k to V: any k > V crashes instead of keeping everything.

Pattern: 1
"""
import torch


def top_k_filter(logits: torch.Tensor, k: int) -> torch.Tensor:
    if k < 1:
        raise ValueError("k must be >= 1")
    kth = torch.topk(logits, k, dim=-1).values[..., -1, None]
    return torch.where(logits >= kth, logits, torch.full_like(logits, float("-inf")))


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
