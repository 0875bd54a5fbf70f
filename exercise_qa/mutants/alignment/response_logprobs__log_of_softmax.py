"""Takes log(softmax(.)) instead of log_softmax: the probability of an unlikely token underflows to 0 and its log-prob becomes -inf for large logits.

Pattern: 1
"""
import torch


def response_logprobs(logits: torch.Tensor, input_ids: torch.Tensor,
                      response_mask: torch.Tensor) -> torch.Tensor:
    probs = torch.softmax(logits[:, :-1], dim=-1)
    token_p = probs.gather(-1, input_ids[:, 1:].unsqueeze(-1)).squeeze(-1)
    token_lp = torch.log(token_p)
    mask = response_mask[:, 1:].to(token_lp.dtype)
    return (token_lp * mask).sum(-1)
