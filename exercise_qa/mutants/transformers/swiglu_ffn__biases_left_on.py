"""SwiGLU layers keep nn.Linear's default biases although the contract (and Llama) says no biases.
Pattern: 5

The module has 2*d_ff + d_model extra parameters; after copying LlamaMLP's weights the random
biases remain and the outputs differ. Output shape (the only visible check) is right.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


class SwiGLU(nn.Module):
    def __init__(self, d_model: int, d_ff: int):
        super().__init__()
        self.gate_proj = nn.Linear(d_model, d_ff)
        self.up_proj = nn.Linear(d_model, d_ff)
        self.down_proj = nn.Linear(d_ff, d_model)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.down_proj(F.silu(self.gate_proj(x)) * self.up_proj(x))


def ffn_param_count(d_model: int, d_ff: int, gated: bool, bias: bool = False) -> int:
    n_mats = 3 if gated else 2
    total = n_mats * d_model * d_ff
    if bias:
        total += (n_mats - 1) * d_ff + d_model
    return int(total)
