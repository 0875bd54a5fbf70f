"""Frequency/presence penalties are clamped at 0 ("a penalty can only discourage"), so the negative penalties the docstring allows, which encourage repeats, are ignored.

Pattern: 2
"""
import torch


def repetition_penalty(input_ids: torch.Tensor, logits: torch.Tensor, penalty: float) -> torch.Tensor:
    score = torch.gather(logits, 1, input_ids)
    score = torch.where(score > 0, score / penalty, score * penalty)
    return logits.scatter(1, input_ids, score)


def frequency_presence_penalty(input_ids: torch.Tensor, logits: torch.Tensor,
                               frequency_penalty: float, presence_penalty: float) -> torch.Tensor:
    # a penalty can only discourage tokens
    frequency_penalty = max(frequency_penalty, 0.0)
    presence_penalty = max(presence_penalty, 0.0)
    counts = torch.zeros_like(logits).scatter_add(1, input_ids, torch.ones_like(input_ids, dtype=logits.dtype))
    return logits - frequency_penalty * counts - presence_penalty * (counts > 0).to(logits.dtype)
