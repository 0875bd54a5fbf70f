"""Top-p accumulates probabilities in vocabulary order without sorting by probability first; right only when the row is already sorted descending (as in the visible example).

Pattern: 1
"""
import torch


def top_k_filter(logits: torch.Tensor, k: int) -> torch.Tensor:
    if k < 1:
        raise ValueError(f"k must be >= 1, got {k}")
    k = min(k, logits.shape[-1])
    kth = torch.topk(logits, k, dim=-1).values[..., -1:]
    return logits.masked_fill(logits < kth, float("-inf"))


def top_p_filter(logits: torch.Tensor, p: float) -> torch.Tensor:
    probs = torch.softmax(logits, dim=-1)
    cum_before = probs.cumsum(dim=-1) - probs      # mass of the tokens before this one
    remove = cum_before >= p
    remove[..., 0] = False                         # always keep at least one token
    return logits.masked_fill(remove, float("-inf"))


def min_p_filter(logits: torch.Tensor, min_p: float) -> torch.Tensor:
    probs = torch.softmax(logits, dim=-1)
    top = probs.max(dim=-1, keepdim=True).values
    return logits.masked_fill(probs < min_p * top, float("-inf"))
