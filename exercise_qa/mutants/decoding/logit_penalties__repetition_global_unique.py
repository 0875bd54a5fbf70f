"""Repetition penalty collects the seen tokens with torch.unique over the whole batch and penalises them in every row: right for B = 1 only.

Pattern: 5
"""
import torch


def repetition_penalty(input_ids: torch.Tensor, logits: torch.Tensor, penalty: float) -> torch.Tensor:
    out = logits.clone()
    seen = torch.unique(input_ids)
    vals = out[:, seen]
    out[:, seen] = torch.where(vals > 0, vals / penalty, vals * penalty)
    return out


def frequency_presence_penalty(input_ids: torch.Tensor, logits: torch.Tensor,
                               frequency_penalty: float, presence_penalty: float) -> torch.Tensor:
    counts = torch.zeros_like(logits).scatter_add(1, input_ids, torch.ones_like(input_ids, dtype=logits.dtype))
    return logits - frequency_penalty * counts - presence_penalty * (counts > 0).to(logits.dtype)
