"""f_i divided by T * k (so sum f = 1): the loss is 1/k of Mixtral's.

Pattern: 1
Right for k = 1.
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
    f = counts / (n_tokens * k)
    P = probs.mean(dim=0)
    return n_experts * (f * P).sum()
