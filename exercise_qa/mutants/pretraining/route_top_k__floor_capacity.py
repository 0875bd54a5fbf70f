"""The capacity is rounded down, int(capacity_factor * T * k / E), instead of up.

Pattern: 1
"""
import math

import torch


def route_top_k(router_logits, k, capacity_factor):
    num_tokens, num_experts = router_logits.shape
    if not 1 <= k <= num_experts or not capacity_factor > 0:
        raise ValueError("bad k or capacity_factor")
    capacity = int(capacity_factor * num_tokens * k / num_experts)
    probs = torch.softmax(router_logits, dim=-1)
    top, experts = torch.topk(probs, k, dim=-1)
    slots = torch.full_like(experts, -1)
    filled = [0] * num_experts
    for r in range(k):
        for t in range(num_tokens):
            e = int(experts[t, r])
            if filled[e] < capacity:
                slots[t, r] = filled[e]
                filled[e] += 1
    return experts, top * (slots >= 0), slots
