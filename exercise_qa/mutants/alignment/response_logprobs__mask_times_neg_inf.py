"""Multiplies token log-probs by the mask instead of selecting them: a pad or prompt token with log-prob -inf (a -inf logit) gives 0 * -inf = NaN in the sum.

Pattern: 1
"""
import torch


def response_logprobs(logits: torch.Tensor, input_ids: torch.Tensor,
                      response_mask: torch.Tensor) -> torch.Tensor:
    lp = torch.log_softmax(logits, dim=-1)[:, :-1]
    token_lp = lp.gather(-1, input_ids[:, 1:].unsqueeze(-1)).squeeze(-1)
    return (token_lp * response_mask[:, 1:].to(token_lp.dtype)).sum(dim=1)
