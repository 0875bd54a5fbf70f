"""Swaps the factors: halves the scale after a run of good steps and doubles it on overflow."""


class DynamicLossScaler(DynamicLossScaler):  # noqa: F821
    def update(self, found_inf):
        if found_inf:
            self.scale *= self.growth_factor
            self.good_steps = 0
            return False
        self.good_steps += 1
        if self.good_steps == self.growth_interval:
            self.scale *= self.backoff_factor
            self.good_steps = 0
        return True
