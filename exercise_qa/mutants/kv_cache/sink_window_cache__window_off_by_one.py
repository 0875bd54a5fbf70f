"""Evicts one step too early, so only window - 1 recent tokens are kept (an off-by-one in the window)."""
import torch


class SinkWindowCache(SinkWindowCache):
    def append(self, key, value):
        super().append(key, value)
        if len(self.positions) > self.n_sink + self.window - 1 and self.window > 1:
            keep = [i for i in range(len(self.positions)) if i != self.n_sink]
            index = torch.tensor(keep, device=self.keys.device)
            self.keys = self.keys.index_select(2, index)
            self.values = self.values.index_select(2, index)
            self.positions = [self.positions[i] for i in keep]
