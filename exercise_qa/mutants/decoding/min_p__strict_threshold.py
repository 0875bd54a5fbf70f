"""Min-p removes tokens exactly at the threshold (keeps P > min_p * P_max instead of >=)."""
import torch


def min_p_filter(logits, min_p):
    probs = torch.softmax(logits, dim=-1)
    keep = probs > min_p * probs.amax(dim=-1, keepdim=True)
    keep = keep.scatter(-1, probs.argmax(dim=-1, keepdim=True), True)   # never empty a row
    return logits.masked_fill(~keep, float("-inf"))
