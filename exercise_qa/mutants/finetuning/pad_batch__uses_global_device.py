"""Batch tensors created on the notebook's global DEVICE instead of the examples' device.

Pattern: 4
Right whenever the examples happen to live on DEVICE (everything on a CPU-only machine); on a GPU
machine, CPU examples come back as CUDA tensors (and CUDA examples would fail on a CPU DEVICE).
"""
import torch


def pad_batch(examples: list, pad_id: int) -> dict:
    B = len(examples)
    T = max(int(ids.numel()) for ids, _ in examples)
    input_ids = torch.full((B, T), pad_id, dtype=torch.int64, device=DEVICE)  # noqa: F821 (setup cell)
    attention_mask = torch.zeros((B, T), dtype=torch.int64, device=DEVICE)  # noqa: F821
    labels = torch.full((B, T), IGNORE_INDEX, dtype=torch.int64, device=DEVICE)  # noqa: F821
    for i, (ids, lab) in enumerate(examples):
        n = ids.numel()
        input_ids[i, :n] = ids
        attention_mask[i, :n] = 1
        labels[i, :n] = lab
    return {"input_ids": input_ids, "attention_mask": attention_mask, "labels": labels}
