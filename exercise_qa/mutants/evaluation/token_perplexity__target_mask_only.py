"""Only the target's mask decides what is scored, so after left padding the first real token is scored from a pad position.

Pattern: 1
"""
import torch


def token_nll(logits, input_ids, attention_mask):
    log_probs = torch.log_softmax(logits[:, :-1], dim=-1)
    picked = log_probs.gather(-1, input_ids[:, 1:].unsqueeze(-1)).squeeze(-1)
    scored = attention_mask.bool()[:, 1:]
    return torch.where(scored, -picked, torch.zeros((), dtype=logits.dtype, device=logits.device))
