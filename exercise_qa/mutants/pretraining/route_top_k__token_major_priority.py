"""Slots are handed out token by token (token 0's two choices, then token 1's...) instead of all first choices before any second choice.

Pattern: 4
Identical for k = 1 and whenever no expert overflows.
"""
import math

import torch


def route_top_k(router_logits, k, capacity_factor):
    num_tokens, num_experts = router_logits.shape
    if not 1 <= k <= num_experts or not capacity_factor > 0:
        raise ValueError("bad k or capacity_factor")
    capacity = math.ceil(capacity_factor * num_tokens * k / num_experts)
    probs = torch.softmax(router_logits, dim=-1)
    top, experts = torch.topk(probs, k, dim=-1)
    slots = torch.full_like(experts, -1)
    filled = [0] * num_experts
    for t in range(num_tokens):
        for r in range(k):
            e = int(experts[t, r])
            if filled[e] < capacity:
                slots[t, r] = filled[e]
                filled[e] += 1
    return experts, top * (slots >= 0), slots
