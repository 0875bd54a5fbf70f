"""input_ids overwritten in place (input_ids[~mask] = -100) and returned: the caller's ids are destroyed.

Pattern: 2
The labels are right, but they are not a "new" tensor: the model's inputs now contain -100 too.
"""
import torch


def assistant_labels(input_ids: torch.Tensor, assistant_mask: torch.Tensor) -> torch.Tensor:
    mask = torch.as_tensor(assistant_mask, device=input_ids.device).bool()
    input_ids[~mask] = IGNORE_INDEX
    return input_ids
