"""Repetition penalty blends with a float32 factor tensor (torch.ones(B, V)): logits * factor silently upcasts bf16/fp16 logits to float32, so the 'same dtype' contract breaks for half-precision inputs.

Pattern: 2
"""
import torch


def repetition_penalty(input_ids: torch.Tensor, logits: torch.Tensor, penalty: float) -> torch.Tensor:
    B, V = logits.shape
    seen = torch.zeros(B, V, dtype=torch.bool, device=logits.device)
    seen[torch.arange(B, device=logits.device)[:, None], input_ids] = True
    factor = torch.ones(B, V, device=logits.device)            # float32
    factor[seen & (logits > 0)] = 1.0 / penalty
    factor[seen & (logits < 0)] = penalty
    return logits * factor


def frequency_presence_penalty(input_ids: torch.Tensor, logits: torch.Tensor,
                               frequency_penalty: float, presence_penalty: float) -> torch.Tensor:
    counts = torch.zeros_like(logits).scatter_add(1, input_ids, torch.ones_like(input_ids, dtype=logits.dtype))
    return logits - frequency_penalty * counts - presence_penalty * (counts > 0).to(logits.dtype)
