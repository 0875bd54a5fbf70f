"""Loss averaged per sequence and then over the batch, instead of one mean over all kept tokens of the batch.

Pattern: 2
Exactly right for a batch of one sequence (the visible test) or sequences with equal numbers of
response tokens; with padded batches of different response lengths the short sequences' tokens
weigh more than the stated token-level mean.
"""
import torch
import torch.nn.functional as F


def completion_labels(prompt_ids: torch.Tensor, response_ids: torch.Tensor):
    input_ids = torch.cat([prompt_ids, response_ids]).long()
    labels = input_ids.clone()
    labels[: prompt_ids.shape[0]] = IGNORE_INDEX
    return input_ids, labels


def completion_loss(logits: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    shift_logits, shift_labels = logits[:, :-1], labels[:, 1:]
    per_seq = []
    for b in range(logits.shape[0]):
        keep = shift_labels[b] != IGNORE_INDEX
        if keep.any():
            per_seq.append(F.cross_entropy(shift_logits[b][keep], shift_labels[b][keep]))
    if not per_seq:
        return logits.new_zeros(())
    return torch.stack(per_seq).mean()
