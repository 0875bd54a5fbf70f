"""T taken as router_logits.shape[0] (the batch size) instead of the number of flattened tokens.

Pattern: 1
Right for 2-D logits.
"""
import torch
import torch.nn.functional as F


def load_balancing_loss(router_logits: torch.Tensor, k: int) -> torch.Tensor:
    n_experts = router_logits.shape[-1]
    logits = router_logits.reshape(-1, n_experts)                       # (T, E)
    n_tokens = router_logits.shape[0]
    probs = torch.softmax(logits, dim=-1)
    top = probs.topk(k, dim=-1).indices                                 # (T, k)
    counts = F.one_hot(top, n_experts).sum(dim=(0, 1)).to(probs.dtype)  # (E,)
    f = counts / n_tokens
    P = probs.sum(dim=0) / n_tokens
    return n_experts * (f * P).sum()
