"""Assumes response_mask is bool and uses it directly in torch.where; a 0/1 integer mask raises.

Pattern: 2
The docstring allows "bool (or 0/1)" masks; torch.where(int_mask, ...) raises a RuntimeError
("where expected condition to be a boolean tensor").
"""
import torch


def response_logprobs(logits: torch.Tensor, input_ids: torch.Tensor,
                      response_mask: torch.Tensor) -> torch.Tensor:
    logps = torch.log_softmax(logits[:, :-1], dim=-1)
    token_logps = logps.gather(-1, input_ids[:, 1:].unsqueeze(-1)).squeeze(-1)
    return torch.where(response_mask[:, 1:], token_logps, 0.0).sum(-1)
