"""Python list comprehension over zip(ids, mask): right for one (T,) sequence, but a (B, T) batch comes back unmasked (and on the CPU).

Pattern: 2
For a batch, zip yields whole rows, and `row if m else -100` keeps every row as it is because a
non-empty list is truthy; the documented (B, T) support is missing, and the result is always
built on the CPU.
"""
import torch


def assistant_labels(input_ids: torch.Tensor, assistant_mask: torch.Tensor) -> torch.Tensor:
    ids = input_ids.tolist()
    mask = torch.as_tensor(assistant_mask).tolist()
    return torch.tensor([tok if m else IGNORE_INDEX for tok, m in zip(ids, mask)], dtype=torch.long)
