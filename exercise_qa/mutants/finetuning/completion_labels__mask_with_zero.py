"""Masks the prompt with 0 instead of -100: 0 is a real token id, so the prompt is trained on as token 0."""
import torch


def completion_labels(prompt_ids, response_ids):
    input_ids = torch.cat([prompt_ids, response_ids]).long()
    labels = input_ids.clone()
    labels[: prompt_ids.numel()] = 0
    return input_ids, labels
