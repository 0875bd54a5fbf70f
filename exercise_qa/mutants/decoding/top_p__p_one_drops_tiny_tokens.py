"""Top-p from a descending cumulative sum without care for rounding: at p = 1 tiny tokens are dropped."""
import torch


def top_p_filter(logits, p):
    probs, order = torch.sort(torch.softmax(logits, -1), -1, descending=True)
    cum = probs.cumsum(-1)
    keep_sorted = torch.ones_like(cum, dtype=torch.bool)
    keep_sorted[..., 1:] = cum[..., :-1] < p    # keep while the mass above is still below p
    keep = torch.zeros_like(keep_sorted).scatter(-1, order, keep_sorted)
    return logits.masked_fill(~keep, float("-inf"))
