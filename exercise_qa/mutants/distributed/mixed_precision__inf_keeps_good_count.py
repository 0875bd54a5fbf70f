"""On an overflow the scaler backs off and skips the step but does not reset good_steps, so growth comes too early after an inf.

Pattern: 5
"""
import torch


class DynamicLossScaler:
    def __init__(self, init_scale: float = 2.0 ** 16, growth_factor: float = 2.0, backoff_factor: float = 0.5,
                 growth_interval: int = 2000):
        self.scale = float(init_scale)
        self.growth_factor, self.backoff_factor = growth_factor, backoff_factor
        self.growth_interval = growth_interval
        self.good_steps = 0

    def update(self, found_inf: bool) -> bool:
        if found_inf:
            self.scale *= self.backoff_factor
            return False
        self.good_steps += 1
        if self.good_steps >= self.growth_interval:
            self.scale *= self.growth_factor
            self.good_steps = 0
        return True


def fp16_gradient(grad: torch.Tensor, scale: float) -> torch.Tensor:
    stored = (grad.float() * scale).to(torch.float16)
    return stored.float() / scale


def apply_updates(w0: float, delta: float, n_steps: int, dtype: torch.dtype, fp32_master: bool) -> float:
    if fp32_master:
        master = torch.tensor(w0, dtype=torch.float32)
        for _ in range(n_steps):
            master = master + delta
        return float(master.to(dtype))
    w = torch.tensor(w0, dtype=dtype)
    for _ in range(n_steps):
        w = (w.float() + delta).to(dtype)
    return float(w)
