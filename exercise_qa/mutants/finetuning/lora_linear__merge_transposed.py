"""Merges the update transposed, W + s (B A)^T, mixing up nn.Linear's (out, in) weight layout."""
import torch
import torch.nn as nn


class LoRALinear(LoRALinear):
    def merge(self):
        base = self.base
        merged = nn.Linear(base.in_features, base.out_features, bias=base.bias is not None,
                           dtype=base.weight.dtype, device=base.weight.device)
        with torch.no_grad():
            merged.weight.copy_(base.weight + self.scaling * (self.lora_A.T @ self.lora_B.T))  # (d_in, d_out)
            if base.bias is not None:
                merged.bias.copy_(base.bias)
        return merged
