"""No clamp to 0..255 before the uint8 cast: values outside the calibrated range wrap around instead of saturating.

Pattern: 2
"""
import torch


def asymmetric_quantize(x: torch.Tensor, calib_min: float = None, calib_max: float = None) -> tuple:
    lo = float(x.min()) if calib_min is None else float(calib_min)
    hi = float(x.max()) if calib_max is None else float(calib_max)
    lo, hi = min(lo, 0.0), max(hi, 0.0)
    scale = (hi - lo) / 255 if hi > lo else 1.0
    zero_point = int(round(-lo / scale))
    zero_point = max(0, min(255, zero_point))
    q = (torch.round(x / scale) + zero_point).to(torch.int32).to(torch.uint8)
    return q, scale, zero_point


def asymmetric_dequantize(q: torch.Tensor, scale: float, zero_point: int) -> torch.Tensor:
    return (q.to(torch.float32) - zero_point) * scale
