"""Freezes the base weight but leaves its bias trainable, so the adapter is no longer r(d_in + d_out) parameters."""


class LoRALinear(LoRALinear):
    def __init__(self, base, r, alpha):
        super().__init__(base, r, alpha)
        if self.base.bias is not None:
            self.base.bias.requires_grad_(True)
