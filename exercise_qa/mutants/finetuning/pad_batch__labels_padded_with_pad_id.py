"""Pads the labels with the pad id instead of -100, so the model is trained to emit padding."""
import torch


def pad_batch(examples, pad_id):
    longest = max(len(ids) for ids, _ in examples)
    device = examples[0][0].device
    out = {key: torch.full((len(examples), longest), fill, dtype=torch.long, device=device)
           for key, fill in (("input_ids", pad_id), ("attention_mask", 0), ("labels", pad_id))}
    for row, (ids, lab) in enumerate(examples):
        out["input_ids"][row, : len(ids)] = ids
        out["attention_mask"][row, : len(ids)] = 1
        out["labels"][row, : len(ids)] = lab
    return out
