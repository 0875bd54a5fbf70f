"""Initialises both A and B at zero: the output is right at step 0, but no gradient ever reaches either factor."""
import torch


class LoRALinear(LoRALinear):
    def __init__(self, base, r, alpha):
        super().__init__(base, r, alpha)
        with torch.no_grad():
            self.lora_A.zero_()
