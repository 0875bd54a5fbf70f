"""Min-p uses min_p itself as the probability threshold instead of min_p times the top probability."""
import torch


def min_p_filter(logits, min_p):
    probs = torch.softmax(logits, dim=-1)
    remove = probs < min_p
    remove &= probs < probs.amax(dim=-1, keepdim=True)   # never empty a row
    return logits.masked_fill(remove, float("-inf"))
