"""Zeroes the non-response positions with masked_fill(~mask): fine for a bool mask but crashes (or inverts wrongly) on the documented 0/1 integer mask.

Pattern: 2
"""
import torch


def response_logprobs(logits: torch.Tensor, input_ids: torch.Tensor,
                      response_mask: torch.Tensor) -> torch.Tensor:
    lp = torch.log_softmax(logits[:, :-1], dim=-1)
    token_lp = lp.gather(-1, input_ids[:, 1:].unsqueeze(-1)).squeeze(-1)
    token_lp = token_lp.masked_fill(~response_mask[:, 1:], 0.0)
    return token_lp.sum(-1)
