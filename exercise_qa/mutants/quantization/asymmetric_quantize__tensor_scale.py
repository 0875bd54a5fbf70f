"""Returns scale as a 0-dim torch tensor (computed from x.max() - x.min() tensors) rather than the documented Python float.

Pattern: 2
"""
import torch


def asymmetric_quantize(x: torch.Tensor, calib_min: float = None, calib_max: float = None) -> tuple:
    lo = x.min() if calib_min is None else torch.tensor(float(calib_min), device=x.device)
    hi = x.max() if calib_max is None else torch.tensor(float(calib_max), device=x.device)
    lo, hi = lo.clamp(max=0.0), hi.clamp(min=0.0)
    scale = (hi - lo) / 255 if hi > lo else torch.tensor(1.0, device=x.device)
    zero_point = int(torch.round(-lo / scale))
    zero_point = max(0, min(255, zero_point))
    q = torch.clamp(torch.round(x / scale) + zero_point, 0, 255).to(torch.uint8)
    return q, scale, zero_point


def asymmetric_dequantize(q: torch.Tensor, scale: float, zero_point: int) -> torch.Tensor:
    return (q.to(torch.float32) - zero_point) * scale
