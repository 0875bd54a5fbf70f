"""The mask is ignored: prompt and padding tokens are summed together with the response."""
import torch


def response_logprobs(logits, input_ids, response_mask):
    lp = torch.log_softmax(logits[:, :-1], dim=-1)
    return torch.gather(lp, -1, input_ids[:, 1:].unsqueeze(-1)).squeeze(-1).sum(-1)
