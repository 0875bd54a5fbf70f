"""Gets the sign of rotate_half wrong ([x2, -x1] instead of [-x2, x1]): a rotation by the opposite angle."""
import torch


def apply_rope(x, cos, sin):
    half = x.shape[-1] // 2
    rotated = torch.cat([x[..., half:], -x[..., :half]], dim=-1)
    return x * cos + rotated * sin
