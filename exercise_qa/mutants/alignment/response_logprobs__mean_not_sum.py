"""The response log-probs are averaged over tokens instead of summed."""
import torch


def response_logprobs(logits, input_ids, response_mask):
    lp = torch.log_softmax(logits[:, :-1], dim=-1)
    tok = torch.gather(lp, -1, input_ids[:, 1:].unsqueeze(-1)).squeeze(-1)
    m = response_mask[:, 1:].to(tok.dtype)
    return (tok * m).sum(-1) / m.sum(-1)
