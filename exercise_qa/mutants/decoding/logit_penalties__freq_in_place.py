"""Frequency/presence penalty subtracts in place from the caller's logits (logits -= ...) and returns the same tensor: the input is modified.

Pattern: 2
"""
import torch


def repetition_penalty(input_ids: torch.Tensor, logits: torch.Tensor, penalty: float) -> torch.Tensor:
    score = torch.gather(logits, 1, input_ids)
    score = torch.where(score > 0, score / penalty, score * penalty)
    return logits.scatter(1, input_ids, score)


def frequency_presence_penalty(input_ids: torch.Tensor, logits: torch.Tensor,
                               frequency_penalty: float, presence_penalty: float) -> torch.Tensor:
    counts = torch.zeros_like(logits).scatter_add(1, input_ids, torch.ones_like(input_ids, dtype=logits.dtype))
    logits -= frequency_penalty * counts + presence_penalty * (counts > 0).to(logits.dtype)
    return logits
