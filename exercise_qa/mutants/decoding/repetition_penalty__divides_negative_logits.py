"""Repetition penalty divides every seen logit, which raises the probability of negative-logit tokens."""
import torch


def repetition_penalty(input_ids, logits, penalty):
    seen = torch.zeros_like(logits, dtype=torch.bool).scatter(-1, input_ids, True)
    return torch.where(seen, logits / penalty, logits)
