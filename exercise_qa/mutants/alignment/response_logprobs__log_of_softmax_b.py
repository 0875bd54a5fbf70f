"""Takes log(softmax(logits)) instead of log_softmax: probabilities underflow to 0 and the log becomes -inf.

Pattern: 1
Identical for ordinary logits (the visible test), but when a response token's logit is ~100+
below the row max (peaked or large-scale logits) softmax underflows to 0 in float32 and the sum
is -inf instead of a finite log-probability like -150.
"""
import torch


def response_logprobs(logits: torch.Tensor, input_ids: torch.Tensor,
                      response_mask: torch.Tensor) -> torch.Tensor:
    probs = torch.softmax(logits[:, :-1], dim=-1)
    token_logps = torch.log(probs.gather(-1, input_ids[:, 1:].unsqueeze(-1)).squeeze(-1))
    mask = response_mask[:, 1:].bool()
    return torch.where(mask, token_logps, torch.zeros_like(token_logps)).sum(-1)
