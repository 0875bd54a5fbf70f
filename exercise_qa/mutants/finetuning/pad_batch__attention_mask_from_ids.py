"""Builds the attention mask (and the padding labels) from input_ids != pad_id, which hides a real EOS when pad = EOS."""
import torch


def pad_batch(examples, pad_id):
    longest = max(len(ids) for ids, _ in examples)
    device = examples[0][0].device
    input_ids = torch.full((len(examples), longest), pad_id, dtype=torch.long, device=device)
    labels = torch.full((len(examples), longest), -100, dtype=torch.long, device=device)
    for row, (ids, lab) in enumerate(examples):
        input_ids[row, : len(ids)] = ids
        labels[row, : len(ids)] = lab
    attention_mask = (input_ids != pad_id).long()
    labels = labels.masked_fill(attention_mask == 0, -100)
    return {"input_ids": input_ids, "attention_mask": attention_mask, "labels": labels}
