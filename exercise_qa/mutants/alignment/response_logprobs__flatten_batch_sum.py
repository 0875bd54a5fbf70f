"""Flattens the batch to use a single gather and sums everything: correct for B = 1 only, returns one total instead of a (B,) vector per sequence.

Pattern: 5
"""
import torch


def response_logprobs(logits: torch.Tensor, input_ids: torch.Tensor,
                      response_mask: torch.Tensor) -> torch.Tensor:
    B, T, V = logits.shape
    lp = torch.log_softmax(logits[:, :-1].reshape(-1, V), dim=-1)
    ids = input_ids[:, 1:].reshape(-1)
    mask = response_mask[:, 1:].reshape(-1).bool()
    token_lp = lp[torch.arange(ids.numel(), device=ids.device), ids]
    return token_lp[mask].sum().reshape(1)
