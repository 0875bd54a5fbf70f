"""Zeroes prompt and padding tokens by multiplying with the mask, so a -inf log-prob outside the response becomes NaN (-inf * 0).

Pattern: 1
"Prompt tokens and padding must contribute nothing": with finite logits multiplying by the
mask works, but if the logits at a padding/prompt position are -inf (masked vocabulary) or the
token there is impossible, -inf * 0 = NaN poisons the whole sum.
"""
import torch


def response_logprobs(logits: torch.Tensor, input_ids: torch.Tensor,
                      response_mask: torch.Tensor) -> torch.Tensor:
    logps = torch.log_softmax(logits[:, :-1], dim=-1)
    token_logps = logps.gather(-1, input_ids[:, 1:].unsqueeze(-1)).squeeze(-1)
    return (token_logps * response_mask[:, 1:].to(token_logps.dtype)).sum(-1)
