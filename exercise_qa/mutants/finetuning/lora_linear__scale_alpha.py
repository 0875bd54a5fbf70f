"""Scales the update by alpha instead of alpha / r."""


class LoRALinear(LoRALinear):
    def __init__(self, base, r, alpha):
        super().__init__(base, r, alpha)
        self.scaling = alpha
