"""Masks each assistant turn's end token (<|im_end|>) out of the labels, so the model never learns to stop."""
import torch


def assistant_labels(input_ids, assistant_mask):
    keep = assistant_mask.to(torch.bool)
    next_keep = torch.zeros_like(keep)
    next_keep[..., :-1] = keep[..., 1:]
    keep = keep & next_keep  # drops the last token of every span: the end token
    return torch.where(keep, input_ids, torch.full_like(input_ids, -100)).long()
