"""Frequency/presence counts come from torch.bincount over the flattened batch, so every row is penalised for the tokens of all rows.

Pattern: 1
"""
import torch


def repetition_penalty(input_ids: torch.Tensor, logits: torch.Tensor, penalty: float) -> torch.Tensor:
    score = torch.gather(logits, 1, input_ids)
    score = torch.where(score > 0, score / penalty, score * penalty)
    return logits.scatter(1, input_ids, score)


def frequency_presence_penalty(input_ids: torch.Tensor, logits: torch.Tensor,
                               frequency_penalty: float, presence_penalty: float) -> torch.Tensor:
    V = logits.shape[-1]
    counts = torch.bincount(input_ids.flatten(), minlength=V).to(logits.dtype)   # (V,)
    counts = counts.unsqueeze(0).expand_as(logits)
    return logits - frequency_penalty * counts - presence_penalty * (counts > 0).to(logits.dtype)
