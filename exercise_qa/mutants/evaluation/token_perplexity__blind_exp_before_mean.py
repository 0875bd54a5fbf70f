r"""Perplexity exponentiates each token's NLL and then averages (the mean inverse probability), instead of exp of the mean NLL.

Pattern: 1
"""
import math

import torch


def token_nll(logits: torch.Tensor, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
    """Negative log-likelihood of every next-token target of a padded batch."""
    mask = attention_mask.to(torch.bool)
    scored = mask[:, :-1] & mask[:, 1:]                                   # (B, T-1)
    log_probs = torch.log_softmax(logits[:, :-1], dim=-1)                 # (B, T-1, V)
    targets = input_ids[:, 1:].unsqueeze(-1)                              # (B, T-1, 1)
    nll = -log_probs.gather(-1, targets).squeeze(-1)                      # (B, T-1)
    zero = torch.zeros((), dtype=nll.dtype, device=nll.device)
    return torch.where(scored.to(nll.device), nll, zero)


def perplexity(logits: torch.Tensor, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> float:
    """Token-weighted perplexity of a padded batch."""
    mask = attention_mask.to(torch.bool)
    scored = mask[:, :-1] & mask[:, 1:]
    n_scored = int(scored.sum())
    if n_scored == 0:
        raise ValueError("no target of the batch is scored: every row is padding or a single token")
    nll = token_nll(logits, input_ids, attention_mask).double()
    return float(torch.exp(nll)[scored.to(nll.device)].mean())
