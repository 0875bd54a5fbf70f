"""Uses `calib_min or x.min()`: a calibrated bound of exactly 0.0 is falsy and silently replaced by the data's own min/max, so nothing saturates at that side.

Pattern: 1
"""
import torch


def asymmetric_quantize(x: torch.Tensor, calib_min: float = None, calib_max: float = None) -> tuple:
    lo = float(calib_min or x.min())
    hi = float(calib_max or x.max())
    lo, hi = min(lo, 0.0), max(hi, 0.0)
    scale = (hi - lo) / 255 if hi > lo else 1.0
    zero_point = int(round(-lo / scale))
    zero_point = max(0, min(255, zero_point))
    q = torch.clamp(torch.round(x / scale) + zero_point, 0, 255).to(torch.uint8)
    return q, scale, zero_point


def asymmetric_dequantize(q: torch.Tensor, scale: float, zero_point: int) -> torch.Tensor:
    return (q.to(torch.float32) - zero_point) * scale
