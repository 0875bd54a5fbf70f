"""The prompt's -100 block is created with torch.full on the default (CPU) device: labels fail or land on the CPU for CUDA inputs.

Pattern: 4
Works whenever the ids live on the CPU (the visible test); with ids on cuda, torch.cat of a CPU
block and a CUDA tensor raises, although the docstring asks for tensors "on the inputs' device".
"""
import torch
import torch.nn.functional as F


def completion_labels(prompt_ids: torch.Tensor, response_ids: torch.Tensor):
    input_ids = torch.cat([prompt_ids, response_ids])
    labels = torch.cat([torch.full((len(prompt_ids),), IGNORE_INDEX, dtype=torch.long), response_ids])
    return input_ids, labels


def completion_loss(logits: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    V = logits.shape[-1]
    flat_logits = logits[:, :-1].reshape(-1, V)
    flat_labels = labels[:, 1:].reshape(-1)
    keep = flat_labels != IGNORE_INDEX
    if not keep.any():
        return flat_logits.sum() * 0.0
    return F.cross_entropy(flat_logits[keep], flat_labels[keep])
