"""Log-probs are not shifted: the logits at position t score the token at t instead of t + 1."""
import torch


def response_logprobs(logits, input_ids, response_mask):
    lp = torch.log_softmax(logits, dim=-1)
    tok = torch.gather(lp, -1, input_ids.unsqueeze(-1)).squeeze(-1)
    return torch.where(response_mask.bool(), tok, torch.zeros_like(tok)).sum(-1)
