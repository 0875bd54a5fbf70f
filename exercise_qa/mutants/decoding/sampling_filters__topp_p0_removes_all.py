"""top-p keeps tokens whose preceding mass is strictly below p but forgets the 'at least one token' rule: p = 0 removes every token.

Pattern: 1
"""
import torch


def top_k_filter(logits: torch.Tensor, k: int) -> torch.Tensor:
    if k < 1:
        raise ValueError("k must be >= 1")
    k = min(k, logits.shape[-1])
    kth = torch.topk(logits, k, dim=-1).values[..., -1:]
    return logits.masked_fill(logits < kth, float("-inf"))


def top_p_filter(logits: torch.Tensor, p: float) -> torch.Tensor:
    sorted_logits, idx = torch.sort(logits, dim=-1, descending=True)
    probs = torch.softmax(sorted_logits, dim=-1)
    keep_sorted = (probs.cumsum(dim=-1) - probs) < p
    keep = keep_sorted.scatter(-1, idx, keep_sorted)
    return logits.masked_fill(~keep, float("-inf"))


def min_p_filter(logits: torch.Tensor, min_p: float) -> torch.Tensor:
    probs = torch.softmax(logits, dim=-1)
    thr = min_p * probs.max(dim=-1, keepdim=True).values
    return logits.masked_fill(probs < thr, float("-inf"))
