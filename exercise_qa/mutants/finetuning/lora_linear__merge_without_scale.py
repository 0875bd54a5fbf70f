"""Merges W + B A, forgetting the alpha / r scale, so the merged model differs from the trained one."""
import torch
import torch.nn as nn


class LoRALinear(LoRALinear):
    def merge(self):
        base = self.base
        merged = nn.Linear(base.in_features, base.out_features, bias=base.bias is not None,
                           dtype=base.weight.dtype, device=base.weight.device)
        with torch.no_grad():
            merged.weight.copy_(base.weight + self.lora_B @ self.lora_A)
            if base.bias is not None:
                merged.bias.copy_(base.bias)
        return merged
