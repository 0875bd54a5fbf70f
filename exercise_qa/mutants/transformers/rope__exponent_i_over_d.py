"""Uses theta_i = base^(-i/d) instead of base^(-2i/d): the frequencies decay half as fast."""
import torch


def rope_cos_sin(seq_len, head_dim, base=10000.0, device=None):
    inv_freq = base ** (-torch.arange(head_dim // 2, dtype=torch.float32, device=device) / head_dim)
    angles = torch.outer(torch.arange(seq_len, dtype=torch.float32, device=device), inv_freq)
    angles = torch.cat([angles, angles], dim=-1)
    return angles.cos(), angles.sin()
