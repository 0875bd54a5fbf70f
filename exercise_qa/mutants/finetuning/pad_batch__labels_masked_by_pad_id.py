"""Labels set to -100 wherever the padded input_ids equal pad_id: with pad_id == EOS the real end-of-sequence label is erased.

Pattern: 2
The DataCollatorForLanguageModeling habit the markdown warns about. With a distinct pad id (the
visible test) it is indistinguishable from length-based padding.
"""
import torch


def pad_batch(examples: list, pad_id: int) -> dict:
    device = examples[0][0].device
    T = max(len(ids) for ids, _ in examples)
    input_ids = torch.full((len(examples), T), pad_id, dtype=torch.long, device=device)
    labels = torch.full((len(examples), T), IGNORE_INDEX, dtype=torch.long, device=device)  # noqa: F821
    for i, (ids, lab) in enumerate(examples):
        input_ids[i, : len(ids)] = ids
        labels[i, : len(lab)] = lab
    labels[input_ids == pad_id] = IGNORE_INDEX  # noqa: F821 (setup cell)
    attention_mask = torch.zeros_like(input_ids)
    for i, (ids, _) in enumerate(examples):
        attention_mask[i, : len(ids)] = 1
    return {"input_ids": input_ids, "attention_mask": attention_mask, "labels": labels}
