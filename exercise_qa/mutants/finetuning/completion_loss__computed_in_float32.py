"""Logits cast to float32 "for stability" and the loss returned in float32, whatever the logits' dtype.

Pattern: 2
Correct to float32 precision, but for float64 logits the result is a float32 tensor (and ~1e-8
off), while the contract is "0-dim tensor in logits' dtype".
"""
import torch
import torch.nn.functional as F


def completion_labels(prompt_ids: torch.Tensor, response_ids: torch.Tensor):
    input_ids = torch.cat([prompt_ids, response_ids])
    labels = input_ids.clone()
    labels[: prompt_ids.numel()] = IGNORE_INDEX
    return input_ids, labels


def completion_loss(logits: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    logits = logits.float()
    V = logits.shape[-1]
    flat_logits = logits[:, :-1].reshape(-1, V)
    flat_labels = labels[:, 1:].reshape(-1)
    keep = flat_labels != IGNORE_INDEX
    n = int(keep.sum())
    if n == 0:
        return torch.zeros((), device=logits.device)
    return F.cross_entropy(flat_logits[keep], flat_labels[keep], reduction="sum") / n
