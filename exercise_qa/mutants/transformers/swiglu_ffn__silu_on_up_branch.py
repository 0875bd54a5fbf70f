"""SiLU applied to up_proj instead of gate_proj: silu(W_up x) * W_gate x swaps the roles of the two matrices.
Pattern: 4

Symmetric-looking formula, so the candidate mixed up which branch is activated. Right only when
the two weight matrices happen to be equal; with LlamaMLP's weights copied by name it differs.
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
        return self.down_proj(self.gate_proj(x) * F.silu(self.up_proj(x)))


def ffn_param_count(d_model: int, d_ff: int, gated: bool, bias: bool = False) -> int:
    n_mats = 3 if gated else 2
    total = n_mats * d_model * d_ff
    if bias:
        total += (n_mats - 1) * d_ff + d_model
    return int(total)
