"""attention_mask computed as (input_ids != pad_id): with pad_id == EOS the real EOS token is masked out of attention.

Pattern: 2
The labels are built from the lengths (the EOS label survives), but the mask is derived from the
token ids, which the markdown forbids ("never from the token ids").
"""
import torch


def pad_batch(examples: list, pad_id: int) -> dict:
    ids_list = [ids for ids, _ in examples]
    lab_list = [lab for _, lab in examples]
    input_ids = torch.nn.utils.rnn.pad_sequence(ids_list, batch_first=True, padding_value=pad_id).long()
    labels = torch.nn.utils.rnn.pad_sequence(lab_list, batch_first=True, padding_value=IGNORE_INDEX).long()  # noqa: F821
    attention_mask = (input_ids != pad_id).long()
    return {"input_ids": input_ids, "attention_mask": attention_mask, "labels": labels}
