"""Masked entries are -inf instead of the documented torch.finfo(dtype).min (transformers' own value; with -inf a fully masked row, e.g. padding, becomes NaN).

Pattern: 2
"""
import torch


def pack_documents(docs, mask_dtype=torch.float32):
    if len(docs) == 0 or any(d.dim() != 1 or d.numel() == 0 for d in docs):
        raise ValueError("docs must be a non-empty list of non-empty 1-D tensors")
    device = docs[0].device
    input_ids = torch.cat(docs).to(torch.int64)
    lengths = torch.tensor([d.numel() for d in docs], device=device)
    doc = torch.repeat_interleave(torch.arange(len(docs), device=device), lengths)
    starts = lengths.cumsum(0) - lengths
    position_ids = torch.arange(input_ids.numel(), device=device) - starts[doc]
    labels = input_ids.clone()
    labels[starts] = IGNORE_INDEX
    allowed = (doc[:, None] == doc[None, :]) & (position_ids[:, None] >= position_ids[None, :])
    mask = torch.zeros(allowed.shape, dtype=mask_dtype, device=device).masked_fill(~allowed, float("-inf"))
    return {"input_ids": input_ids[None], "position_ids": position_ids[None], "labels": labels[None],
            "attention_mask": mask[None, None]}
