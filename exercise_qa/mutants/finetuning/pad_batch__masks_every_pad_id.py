"""Masks every position that holds the pad id (pad = EOS pitfall): the real EOS labels are lost too."""
import torch


def pad_batch(examples, pad_id):
    longest = max(len(ids) for ids, _ in examples)
    device = examples[0][0].device
    input_ids = torch.full((len(examples), longest), pad_id, dtype=torch.long, device=device)
    labels = torch.full((len(examples), longest), -100, dtype=torch.long, device=device)
    attention_mask = torch.zeros(len(examples), longest, dtype=torch.long, device=device)
    for row, (ids, lab) in enumerate(examples):
        input_ids[row, : len(ids)] = ids
        labels[row, : len(ids)] = lab
        attention_mask[row, : len(ids)] = 1
    labels[input_ids == pad_id] = -100
    return {"input_ids": input_ids, "attention_mask": attention_mask, "labels": labels}
