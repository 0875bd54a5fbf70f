"""F.cross_entropy(..., ignore_index=-100) used directly: when every label is -100 it returns NaN (0/0), not zero.

Pattern: 1
Exactly the formula the markdown quotes, which is why it passes every case with at least one kept
label; the truncated-response case ("return a zero loss, not NaN") is not handled.
"""
import torch
import torch.nn.functional as F


def completion_labels(prompt_ids: torch.Tensor, response_ids: torch.Tensor):
    input_ids = torch.cat([prompt_ids, response_ids])
    labels = torch.cat([torch.full_like(prompt_ids, IGNORE_INDEX), response_ids])
    return input_ids, labels


def completion_loss(logits: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    V = logits.shape[-1]
    return F.cross_entropy(logits[:, :-1].reshape(-1, V), labels[:, 1:].reshape(-1), ignore_index=IGNORE_INDEX)
