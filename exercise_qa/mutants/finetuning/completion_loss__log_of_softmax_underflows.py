"""Log-probabilities as torch.log(torch.softmax(...)): with huge logits the target's probability underflows to 0 and the loss is inf.

Pattern: 1
Fine for ordinary logits; for logits of order 1e3 (or a target whose logit is ~200 below the
max) softmax returns exactly 0 and log(0) = -inf, where log_softmax stays finite.
"""
import torch
import torch.nn.functional as F


def completion_labels(prompt_ids: torch.Tensor, response_ids: torch.Tensor):
    input_ids = torch.cat([prompt_ids, response_ids])
    labels = input_ids.clone()
    labels[: len(prompt_ids)] = IGNORE_INDEX
    return input_ids, labels


def completion_loss(logits: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    logp = torch.log(torch.softmax(logits[:, :-1], dim=-1))
    targets = labels[:, 1:]
    keep = targets != IGNORE_INDEX
    if keep.sum() == 0:
        return logits.sum() * 0.0
    picked = logp.gather(-1, targets.clamp(min=0).unsqueeze(-1)).squeeze(-1)
    return -(picked * keep).sum() / keep.sum()
