"""Frequency/presence penalty subtracts in place with logits -= ...: the result is right but the caller's logits tensor is changed.

Pattern: 2
"""
import torch


def repetition_penalty(input_ids: torch.Tensor, logits: torch.Tensor, penalty: float) -> torch.Tensor:
    seen = logits.gather(1, input_ids)
    seen = torch.where(seen > 0, seen / penalty, seen * penalty)
    return logits.scatter(1, input_ids, seen)


def frequency_presence_penalty(input_ids: torch.Tensor, logits: torch.Tensor,
                               frequency_penalty: float, presence_penalty: float) -> torch.Tensor:
    B, V = logits.shape
    for b in range(B):
        counts = torch.bincount(input_ids[b], minlength=V).to(logits.dtype)
        logits[b] -= frequency_penalty * counts + presence_penalty * (counts > 0).to(logits.dtype)
    return logits
