"""The factor E (number of experts) is missing: the loss is sum_i f_i P_i, which shrinks as experts are added.

Pattern: 3
"""
import torch
import torch.nn.functional as F


def load_balancing_loss(router_logits, k):
    logits = router_logits.reshape(-1, router_logits.shape[-1])
    probs = torch.softmax(logits, dim=-1)
    counts = F.one_hot(torch.topk(probs, k, dim=-1).indices, logits.shape[-1]).sum(dim=(0, 1))
    return (counts.to(probs.dtype) / logits.shape[0] * probs.mean(dim=0)).sum()
