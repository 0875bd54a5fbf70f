"""Gate with a plain sigmoid instead of SiLU: sigmoid(W_gate x) * W_up x is GLU, not SwiGLU; the SiLU's z factor is missing.
Pattern: 5

The candidate read "Swish/SiLU gate" as "sigmoid gate". Shapes and parameter counts are right;
the output differs from LlamaMLP.
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
        return self.down_proj(torch.sigmoid(self.gate_proj(x)) * self.up_proj(x))


def ffn_param_count(d_model: int, d_ff: int, gated: bool, bias: bool = False) -> int:
    n_mats = 3 if gated else 2
    total = n_mats * d_model * d_ff
    if bias:
        total += (n_mats - 1) * d_ff + d_model
    return int(total)
