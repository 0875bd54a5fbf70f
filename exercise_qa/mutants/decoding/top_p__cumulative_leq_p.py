"""Top-p keeps the tokens whose cumulative probability is <= p (erratum B12): the crossing token is dropped."""
import torch


def top_p_filter(logits, p):
    probs, order = torch.sort(torch.softmax(logits, -1), -1, descending=True)
    keep_sorted = probs.cumsum(-1) <= p
    keep_sorted[..., 0] = True
    keep = torch.zeros_like(keep_sorted).scatter(-1, order, keep_sorted)
    return logits.masked_fill(~keep, float("-inf"))
