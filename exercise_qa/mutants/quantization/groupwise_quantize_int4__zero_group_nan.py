"""No fallback for an all-zero group: scale 0 (not 1.0) and 0/0 = NaN codes.

Pattern: 1
"""
import torch


def groupwise_quantize_int4(w: torch.Tensor, group_size: int) -> tuple:
    rows, cols = w.shape
    if cols % group_size != 0:
        raise ValueError(f"cols={cols} is not a multiple of group_size={group_size}")
    g = w.reshape(rows, cols // group_size, group_size)
    amax = g.abs().amax(dim=-1, keepdim=True)
    scale = amax / 7
    q = torch.clamp(torch.round(g / scale), -8, 7).to(torch.int8).reshape(rows, cols)
    return q, scale.squeeze(-1)


def groupwise_dequantize(q: torch.Tensor, scales: torch.Tensor, group_size: int) -> torch.Tensor:
    return q.to(scales.dtype) * scales.repeat_interleave(group_size, dim=1)


def bits_per_weight(bits: int, group_size: int, scale_bits: int = 16, zero_point_bits: int = 0) -> float:
    return float(bits + (scale_bits + zero_point_bits) / group_size)
