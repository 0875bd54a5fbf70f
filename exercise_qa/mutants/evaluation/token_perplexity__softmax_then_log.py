"""Probabilities by softmax(...).log(): a target 200 nats below the best token underflows to log(0) = -inf.

Pattern: 1
"""
import torch


def token_nll(logits, input_ids, attention_mask):
    probs = torch.softmax(logits[:, :-1], dim=-1)
    picked = probs.gather(-1, input_ids[:, 1:].unsqueeze(-1)).squeeze(-1).log()
    real = attention_mask.bool()
    scored = real[:, :-1] & real[:, 1:]
    return torch.where(scored, -picked, torch.zeros((), dtype=logits.dtype, device=logits.device))
