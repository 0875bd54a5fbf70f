"""Uses the raw [min, max] range without extending it to contain 0, so the zero-point leaves 0..255 and is clipped."""
import torch


def asymmetric_quantize(x, calib_min=None, calib_max=None):
    lo = float(x.min()) if calib_min is None else float(calib_min)
    hi = float(x.max()) if calib_max is None else float(calib_max)
    scale = (hi - lo) / 255 if hi > lo else 1.0
    zero_point = int(min(max(round(-lo / scale), 0), 255))
    q = torch.clamp(torch.round(x / scale) + zero_point, 0, 255).to(torch.uint8)
    return q, scale, zero_point
