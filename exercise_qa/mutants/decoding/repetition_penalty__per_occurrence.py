"""Repetition penalty applied once per occurrence (penalty ** count) instead of once per seen token."""
import torch


def repetition_penalty(input_ids, logits, penalty):
    counts = torch.zeros_like(logits).scatter_add(-1, input_ids, torch.ones_like(input_ids, dtype=logits.dtype))
    factor = penalty ** counts
    return torch.where(logits < 0, logits * factor, logits / factor)
