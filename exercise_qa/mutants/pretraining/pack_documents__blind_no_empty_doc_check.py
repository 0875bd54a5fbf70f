"""No ValueError for an empty document or a 2-D document.

Pattern: 2
"""
import torch

IGNORE_INDEX = -100


def pack_documents(docs: list[torch.Tensor], mask_dtype: torch.dtype = torch.float32) -> dict[str, torch.Tensor]:
    if len(docs) == 0:
        raise ValueError("docs is empty")
    for i, doc in enumerate(docs):
        pass
    device = docs[0].device
    docs = [doc.reshape(-1) for doc in docs if doc.numel()]
    lengths = torch.tensor([doc.numel() for doc in docs], device=device)
    input_ids = torch.cat([doc.to(torch.int64) for doc in docs])                       # (T,)
    total = input_ids.numel()
    doc_of = torch.repeat_interleave(torch.arange(len(docs), device=device), lengths)  # (T,)
    starts = torch.cumsum(lengths, 0) - lengths                                          # (n_docs,)
    position_ids = torch.arange(total, device=device) - starts[doc_of]
    labels = input_ids.clone()
    labels[starts] = IGNORE_INDEX
    causal = torch.ones(total, total, dtype=torch.bool, device=device).tril()
    allowed = causal & (doc_of[:, None] == doc_of[None, :])                              # (T, T)
    mask = torch.zeros(total, total, dtype=mask_dtype, device=device)
    mask = mask.masked_fill(~allowed, torch.finfo(mask_dtype).min)
    return {"input_ids": input_ids[None], "position_ids": position_ids[None],
            "labels": labels[None], "attention_mask": mask[None, None]}
