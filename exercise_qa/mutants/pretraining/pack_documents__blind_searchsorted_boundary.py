"""Document index by searchsorted over the end offsets with right=False: each later document's first token is assigned to the previous document.

Pattern: 1
"""
import torch

IGNORE_INDEX = -100


def pack_documents(docs: list[torch.Tensor], mask_dtype: torch.dtype = torch.float32) -> dict[str, torch.Tensor]:
    if len(docs) == 0:
        raise ValueError("docs is empty")
    for i, doc in enumerate(docs):
        if doc.dim() != 1 or doc.numel() == 0:
            raise ValueError(f"document {i} must be a non-empty 1-D tensor, got shape {tuple(doc.shape)}")
    device = docs[0].device
    lengths = torch.tensor([doc.numel() for doc in docs], device=device)
    input_ids = torch.cat([doc.to(torch.int64) for doc in docs])                       # (T,)
    total = input_ids.numel()
    ends = torch.cumsum(lengths, 0)
    doc_of = torch.searchsorted(ends, torch.arange(int(ends[-1]), device=device)).clamp(max=len(docs) - 1)
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
