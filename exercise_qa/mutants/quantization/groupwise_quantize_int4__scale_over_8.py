"""Uses scale = max|w| / 8 with the range -8..7, so the largest positive weight of a group is clipped to 7."""
import torch


def groupwise_quantize_int4(w, group_size):
    rows, cols = w.shape
    if cols % group_size:
        raise ValueError("cols must be a multiple of group_size")
    groups = w.reshape(rows, cols // group_size, group_size)
    amax = groups.abs().amax(dim=-1)
    scales = torch.where(amax > 0, amax / 8, torch.ones_like(amax))
    q = torch.clamp(torch.round(groups / scales[..., None]), -8, 7).to(torch.int8)
    return q.reshape(rows, cols), scales
