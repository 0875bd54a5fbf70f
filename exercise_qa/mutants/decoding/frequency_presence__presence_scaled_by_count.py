"""The presence penalty is multiplied by the count, so it acts like a second frequency penalty."""
import torch


def frequency_presence_penalty(input_ids, logits, frequency_penalty, presence_penalty):
    counts = torch.zeros_like(logits).scatter_add(-1, input_ids, torch.ones_like(input_ids, dtype=logits.dtype))
    return logits - frequency_penalty * counts - presence_penalty * counts
