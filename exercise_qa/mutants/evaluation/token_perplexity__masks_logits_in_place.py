"""The logits at padded positions are zeroed in place to get rid of NaN: the caller's tensor is modified.

Pattern: 2
"""
import torch


def token_nll(logits, input_ids, attention_mask):
    real = attention_mask.bool()
    logits[~real] = 0.0
    log_probs = torch.log_softmax(logits[:, :-1], dim=-1)
    picked = log_probs.gather(-1, input_ids[:, 1:].unsqueeze(-1)).squeeze(-1)
    scored = real[:, :-1] & real[:, 1:]
    return torch.where(scored, -picked, torch.zeros((), dtype=logits.dtype, device=logits.device))
