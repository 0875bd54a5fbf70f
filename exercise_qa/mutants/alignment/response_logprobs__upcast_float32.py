"""Upcasts the logits to float32 "for stability" and returns float32, even for float64 (or bf16) inputs, breaking the 'logits' dtype' contract.

Pattern: 2
"""
import torch


def response_logprobs(logits: torch.Tensor, input_ids: torch.Tensor,
                      response_mask: torch.Tensor) -> torch.Tensor:
    lp = torch.log_softmax(logits[:, :-1].float(), dim=-1)
    token_lp = lp.gather(-1, input_ids[:, 1:].unsqueeze(-1)).squeeze(-1)
    mask = response_mask[:, 1:].float()
    return (token_lp * mask).sum(-1)
