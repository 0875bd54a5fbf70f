"""Unscales while the gradient is still fp16, so the small values underflow anyway."""
import torch


def fp16_gradient(grad, scale):
    return ((grad.float() * scale).to(torch.float16) / scale).float()
