"""Capacity rounded down (int) instead of up (ceil).

Pattern: 1
"""
import math

import torch


def route_top_k(router_logits: torch.Tensor, k: int,
                capacity_factor: float) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    n_tokens, n_experts = router_logits.shape
    if not 1 <= k <= n_experts:
        raise ValueError(f"k must be in [1, {n_experts}], got {k}")
    if capacity_factor <= 0:
        raise ValueError(f"capacity_factor must be > 0, got {capacity_factor}")
    capacity = int(capacity_factor * n_tokens * k / n_experts)
    probs = torch.softmax(router_logits, dim=-1)                       # (T, E)
    top_probs, experts = probs.topk(k, dim=-1)                         # (T, k), best first
    chosen = experts.tolist()
    filled = [0] * n_experts
    slot_list = [[-1] * k for _ in range(n_tokens)]
    for rank in range(k):
        for token in range(n_tokens):
            expert = chosen[token][rank]
            if filled[expert] < capacity:
                slot_list[token][rank] = filled[expert]
                filled[expert] += 1
    slots = torch.tensor(slot_list, dtype=torch.int64, device=router_logits.device).reshape(n_tokens, k)
    gates = torch.where(slots >= 0, top_probs, torch.zeros_like(top_probs))
    return experts, gates, slots
