"""Inverts the mask: trains on the system and user turns and ignores the assistant."""
import torch


def assistant_labels(input_ids, assistant_mask):
    return torch.where(assistant_mask.to(torch.bool), torch.full_like(input_ids, -100), input_ids).long()
