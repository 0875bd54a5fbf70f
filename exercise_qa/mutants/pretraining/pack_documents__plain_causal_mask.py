"""One causal mask over the whole packed row: every document attends to the documents before it.

Pattern: 5
"""
import torch


def pack_documents(docs, mask_dtype=torch.float32):
    if len(docs) == 0 or any(d.dim() != 1 or d.numel() == 0 for d in docs):
        raise ValueError("docs must be a non-empty list of non-empty 1-D tensors")
    device = docs[0].device
    input_ids = torch.cat(docs).to(torch.int64)
    lengths = [d.numel() for d in docs]
    position_ids = torch.cat([torch.arange(n, device=device) for n in lengths])
    labels = input_ids.clone()
    starts = torch.tensor([0] + lengths[:-1], device=device).cumsum(0)
    labels[starts] = IGNORE_INDEX
    T = input_ids.numel()
    causal = torch.ones(T, T, dtype=torch.bool, device=device).tril()
    mask = torch.zeros(T, T, dtype=mask_dtype, device=device).masked_fill(~causal, torch.finfo(mask_dtype).min)
    return {"input_ids": input_ids[None], "position_ids": position_ids[None], "labels": labels[None],
            "attention_mask": mask[None, None]}
