"""Batched (B, S, E) logits are not flattened: the means run over the batch axis only.

Pattern: 1
"""
import torch
import torch.nn.functional as F


def load_balancing_loss(router_logits, k):
    num_experts = router_logits.shape[-1]
    probs = torch.softmax(router_logits, dim=-1)
    one_hot = F.one_hot(torch.topk(probs, k, dim=-1).indices, num_experts).sum(dim=-2)
    fraction = one_hot.to(probs.dtype).mean(dim=0)
    return num_experts * (fraction * probs.mean(dim=0)).sum() / (fraction.numel() // num_experts)
