"""Loss built from counts only (bincount): P_i replaced by the choice fractions, so no gradient reaches the router.

Pattern: 1
"""
import torch
import torch.nn.functional as F


def load_balancing_loss(router_logits: torch.Tensor, k: int) -> torch.Tensor:
    n_experts = router_logits.shape[-1]
    logits = router_logits.reshape(-1, n_experts)                       # (T, E)
    n_tokens = logits.shape[0]
    probs = torch.softmax(logits, dim=-1)
    top = probs.topk(k, dim=-1).indices                                 # (T, k)
    counts = F.one_hot(top, n_experts).sum(dim=(0, 1)).to(probs.dtype)  # (E,)
    f = counts / n_tokens
    P = f / k
    return n_experts * (f * P).sum()
