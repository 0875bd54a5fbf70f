"""Only ever backs off: the scale never grows again, so gradients drift towards underflow."""


class DynamicLossScaler(DynamicLossScaler):  # noqa: F821
    def update(self, found_inf):
        if found_inf:
            self.scale *= self.backoff_factor
            return False
        return True
