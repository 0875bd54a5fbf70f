"""merge() adds scaling * B @ A into base.weight in place and returns self.base: no new layer, and the LoRALinear now double-counts the update.

Pattern: 2
The returned layer computes the right thing once, but the docstring asks for a NEW nn.Linear that
leaves the LoRALinear unchanged; after merging, lora(x) applies BA twice.
"""
import math

import torch
import torch.nn as nn


class LoRALinear(nn.Module):
    def __init__(self, base: nn.Linear, r: int, alpha: float):
        super().__init__()
        self.base = base
        for p in self.base.parameters():
            p.requires_grad_(False)
        d_out, d_in = base.out_features, base.in_features
        self.lora_A = nn.Parameter(torch.empty(r, d_in, dtype=base.weight.dtype, device=base.weight.device))
        nn.init.kaiming_uniform_(self.lora_A, a=math.sqrt(5))
        self.lora_B = nn.Parameter(torch.zeros(d_out, r, dtype=base.weight.dtype, device=base.weight.device))
        self.scaling = alpha / r

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.base(x) + (x @ self.lora_A.T @ self.lora_B.T) * self.scaling

    def merge(self) -> nn.Linear:
        with torch.no_grad():
            self.base.weight += self.scaling * self.lora_B @ self.lora_A
        return self.base
