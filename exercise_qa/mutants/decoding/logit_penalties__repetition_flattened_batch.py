"""Repetition penalty collects the seen tokens from the whole batch (input_ids.unique()) and penalises them in every row, instead of per row.

Pattern: 1
"""
import torch


def repetition_penalty(input_ids: torch.Tensor, logits: torch.Tensor, penalty: float) -> torch.Tensor:
    out = logits.clone()
    seen = torch.unique(input_ids)              # tokens seen so far
    score = out[:, seen]
    out[:, seen] = torch.where(score > 0, score / penalty, score * penalty)
    return out


def frequency_presence_penalty(input_ids: torch.Tensor, logits: torch.Tensor,
                               frequency_penalty: float, presence_penalty: float) -> torch.Tensor:
    counts = torch.zeros_like(logits).scatter_add(1, input_ids, torch.ones_like(input_ids, dtype=logits.dtype))
    return logits - frequency_penalty * counts - presence_penalty * (counts > 0).to(logits.dtype)
