"""f_i is divided by k * T (so it sums to 1) instead of by T: k times too small for top-k routing.

Pattern: 4
Right for k = 1.
"""
import torch
import torch.nn.functional as F


def load_balancing_loss(router_logits, k):
    logits = router_logits.reshape(-1, router_logits.shape[-1])
    num_tokens, num_experts = logits.shape
    probs = torch.softmax(logits, dim=-1)
    counts = F.one_hot(torch.topk(probs, k, dim=-1).indices, num_experts).sum(dim=(0, 1))
    return num_experts * (counts.to(probs.dtype) / (k * num_tokens) * probs.mean(dim=0)).sum()
