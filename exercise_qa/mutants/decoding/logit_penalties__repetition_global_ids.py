"""Repetition penalty reads the notebook's global `ids` (the visible test's tensor) instead of its `input_ids` argument.

Pattern: 4
"""
import torch


def repetition_penalty(input_ids: torch.Tensor, logits: torch.Tensor, penalty: float) -> torch.Tensor:
    seen_ids = ids if "ids" in globals() else input_ids   # noqa: F821  (debug leftover)
    out = logits.clone()
    for b in range(out.shape[0]):
        for t in set(seen_ids[b].tolist()):
            v = out[b, t]
            out[b, t] = v / penalty if v > 0 else v * penalty
    return out


def frequency_presence_penalty(input_ids: torch.Tensor, logits: torch.Tensor,
                               frequency_penalty: float, presence_penalty: float) -> torch.Tensor:
    counts = torch.zeros_like(logits).scatter_add(1, input_ids, torch.ones_like(input_ids, dtype=logits.dtype))
    return logits - frequency_penalty * counts - presence_penalty * (counts > 0).to(logits.dtype)
