"""Top-p shift-right compares the mass before each token with <= p, keeping one extra token at an exact tie."""
import torch


def top_p_filter(logits, p):
    probs, order = torch.sort(torch.softmax(logits, -1), -1, descending=True)
    before = probs.cumsum(-1) - probs           # mass strictly above each token
    keep_sorted = before <= p
    keep_sorted[..., 0] = True
    keep = torch.zeros_like(keep_sorted).scatter(-1, order, keep_sorted)
    return logits.masked_fill(~keep, float("-inf"))
