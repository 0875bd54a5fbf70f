"""The targets are not shifted: logits[:, t] is scored against input_ids[:, t], the token it was given, not the next one.

Pattern: 2
"""
import torch


def token_nll(logits, input_ids, attention_mask):
    log_probs = torch.log_softmax(logits, dim=-1)[:, :-1]
    picked = log_probs.gather(-1, input_ids[:, :-1].unsqueeze(-1)).squeeze(-1)
    real = attention_mask.bool()
    scored = real[:, :-1] & real[:, 1:]
    return torch.where(scored, -picked, torch.zeros((), dtype=logits.dtype, device=logits.device))
