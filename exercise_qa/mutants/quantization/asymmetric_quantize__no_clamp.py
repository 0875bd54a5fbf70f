"""Omits the clamp to [0, 255] before the uint8 cast, so values outside the calibrated range wrap around."""
import torch


def asymmetric_quantize(x, calib_min=None, calib_max=None):
    lo = float(x.min()) if calib_min is None else float(calib_min)
    hi = float(x.max()) if calib_max is None else float(calib_max)
    lo, hi = min(lo, 0.0), max(hi, 0.0)
    scale = (hi - lo) / 255 if hi > lo else 1.0
    zero_point = int(round(-lo / scale))
    q = (torch.round(x / scale) + zero_point).to(torch.int64).remainder(256).to(torch.uint8)
    return q, scale, zero_point
