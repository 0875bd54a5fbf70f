"""Uses [x.min(), x.max()] as the range without extending it to contain 0: for all-positive data the zero-point falls outside 0..255 and 0.0 is no longer exact.

Pattern: 1
"""
import torch


def asymmetric_quantize(x: torch.Tensor, calib_min: float = None, calib_max: float = None) -> tuple:
    lo = float(x.min()) if calib_min is None else float(calib_min)
    hi = float(x.max()) if calib_max is None else float(calib_max)
    scale = (hi - lo) / 255 if hi > lo else 1.0
    zero_point = int(round(-lo / scale))
    q = torch.clamp(torch.round(x / scale) + zero_point, 0, 255).to(torch.uint8)
    return q, scale, zero_point


def asymmetric_dequantize(q: torch.Tensor, scale: float, zero_point: int) -> torch.Tensor:
    return (q.to(torch.float32) - zero_point) * scale
