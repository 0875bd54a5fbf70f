"""Upcasts the logits to float32 "for stability" and returns float32 whatever the logits' dtype.

Pattern: 2
The docstring asks for a (B,) tensor in logits' dtype: float64 logits come back as float32 (and
lose precision far beyond the float64 tolerance), bf16 logits come back as float32.
"""
import torch


def response_logprobs(logits: torch.Tensor, input_ids: torch.Tensor,
                      response_mask: torch.Tensor) -> torch.Tensor:
    logps = torch.log_softmax(logits[:, :-1].float(), dim=-1)
    token_logps = logps.gather(-1, input_ids[:, 1:].unsqueeze(-1)).squeeze(-1)
    mask = response_mask[:, 1:].bool()
    return torch.where(mask, token_logps, torch.zeros_like(token_logps)).sum(-1)
