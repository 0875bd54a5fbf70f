"""Top-k calls torch.topk with k unclamped, so k >= V crashes instead of keeping every token."""
import torch


def top_k_filter(logits, k):
    kth = torch.topk(logits, k, dim=-1).values[..., -1:]
    return logits.masked_fill(logits < kth, float("-inf"))
