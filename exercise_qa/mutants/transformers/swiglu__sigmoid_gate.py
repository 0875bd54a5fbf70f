"""Gates with a plain sigmoid: that is GLU, not SwiGLU (the 'SwiGLU' formula in common notes)."""
import torch


class SwiGLU(SwiGLU):  # noqa: F821 (the notebook's class; only forward is wrong)
    def forward(self, x):
        return self.down_proj(torch.sigmoid(self.gate_proj(x)) * self.up_proj(x))
