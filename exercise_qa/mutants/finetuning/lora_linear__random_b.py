"""Initialises B randomly as well (nn.Linear's default init), so the model changes before any training."""
import math

import torch
import torch.nn as nn


class LoRALinear(LoRALinear):
    def __init__(self, base, r, alpha):
        super().__init__(base, r, alpha)
        with torch.no_grad():
            nn.init.kaiming_uniform_(self.lora_B, a=math.sqrt(5))
