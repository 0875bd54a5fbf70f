"""Keeps the zero-point as the real number -lo/scale, so 0.0 is no longer exactly representable."""
import torch


def asymmetric_quantize(x, calib_min=None, calib_max=None):
    lo = float(x.min()) if calib_min is None else float(calib_min)
    hi = float(x.max()) if calib_max is None else float(calib_max)
    lo, hi = min(lo, 0.0), max(hi, 0.0)
    scale = (hi - lo) / 255 if hi > lo else 1.0
    zero_point = -lo / scale
    q = torch.clamp(torch.round(x / scale + zero_point), 0, 255).to(torch.uint8)
    return q, scale, zero_point
