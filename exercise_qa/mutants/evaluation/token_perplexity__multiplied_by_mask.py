"""The NLL is multiplied by the mask instead of selected: NaN logits at padded positions give NaN * 0 = NaN.

Pattern: 1
"""
import torch


def token_nll(logits, input_ids, attention_mask):
    log_probs = torch.log_softmax(logits[:, :-1], dim=-1)
    picked = log_probs.gather(-1, input_ids[:, 1:].unsqueeze(-1)).squeeze(-1)
    mask = attention_mask.to(logits.dtype)
    return -picked * mask[:, :-1] * mask[:, 1:]
