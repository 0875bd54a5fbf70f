"""The loss is built from expert counts alone (bincount of the chosen ids, as in some notes): it has no gradient.

Pattern: 5
The value can even look plausible; nothing reaches the router, so the term does nothing.
"""
import torch


def load_balancing_loss(router_logits, k):
    logits = router_logits.reshape(-1, router_logits.shape[-1])
    num_tokens, num_experts = logits.shape
    chosen = torch.topk(logits, k, dim=-1).indices
    fraction = torch.bincount(chosen.reshape(-1), minlength=num_experts).to(logits.dtype) / num_tokens
    return num_experts * (fraction * fraction).sum()
