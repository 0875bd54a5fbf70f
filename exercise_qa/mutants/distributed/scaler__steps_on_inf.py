"""Backs off on inf/NaN but still takes the optimizer step with the corrupted gradients."""


class DynamicLossScaler(DynamicLossScaler):  # noqa: F821
    def update(self, found_inf):
        if found_inf:
            self.scale *= self.backoff_factor
            self.good_steps = 0
            return True
        self.good_steps += 1
        if self.good_steps == self.growth_interval:
            self.scale *= self.growth_factor
            self.good_steps = 0
        return True
