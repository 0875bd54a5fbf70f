"""ffn_param_count gives every layer a bias of size d_ff: the down projection's bias is d_model long, not d_ff.
Pattern: 5

total += n_matrices * d_ff when bias=True; right only when d_ff == d_model. Visible checks use
bias=False.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


class SwiGLU(nn.Module):
    def __init__(self, d_model: int, d_ff: int):
        super().__init__()
        self.gate_proj = nn.Linear(d_model, d_ff, bias=False)
        self.up_proj = nn.Linear(d_model, d_ff, bias=False)
        self.down_proj = nn.Linear(d_ff, d_model, bias=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.down_proj(F.silu(self.gate_proj(x)) * self.up_proj(x))


def ffn_param_count(d_model: int, d_ff: int, gated: bool, bias: bool = False) -> int:
    n_mats = 3 if gated else 2
    total = n_mats * d_model * d_ff
    if bias:
        total += n_mats * d_ff
    return total
