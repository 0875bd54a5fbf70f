"""Counts token occurrences with one bincount over the flattened batch, so every row is penalised for the other rows' tokens.

Pattern: 5
"""
import torch


def repetition_penalty(input_ids: torch.Tensor, logits: torch.Tensor, penalty: float) -> torch.Tensor:
    seen = logits.gather(1, input_ids)
    seen = torch.where(seen > 0, seen / penalty, seen * penalty)
    return logits.scatter(1, input_ids, seen)


def frequency_presence_penalty(input_ids: torch.Tensor, logits: torch.Tensor,
                               frequency_penalty: float, presence_penalty: float) -> torch.Tensor:
    V = logits.shape[-1]
    counts = torch.bincount(input_ids.flatten(), minlength=V).to(logits.dtype)
    counts = counts.unsqueeze(0).expand_as(logits)
    return logits - frequency_penalty * counts - presence_penalty * (counts > 0).to(logits.dtype)
