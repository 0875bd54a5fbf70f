"""Starts evicting once more than `window` tokens are kept (forgetting the sinks in the capacity), then keeps [:n_sink] + [-window:], which duplicates tokens before the cache is full.

Pattern: 1
After 8 tokens with 2 sinks and a window of 3 the result is right ([0, 1, 5, 6, 7]), but at the
4th token the overlapping slices give positions [0, 1, 1, 2, 3] with a duplicated token.
"""
import torch


class SinkWindowCache:
    def __init__(self, n_sink: int, window: int):
        self.n_sink = n_sink
        self.window = window
        self.keys = None
        self.values = None
        self.positions = []
        self._next = 0

    def append(self, key: torch.Tensor, value: torch.Tensor) -> None:
        if self.keys is None:
            self.keys, self.values = key, value
        else:
            self.keys = torch.cat([self.keys, key], dim=2)
            self.values = torch.cat([self.values, value], dim=2)
        self.positions.append(self._next)
        self._next += 1
        if len(self.positions) > self.window:
            s, w = self.n_sink, self.window
            self.keys = torch.cat([self.keys[:, :, :s], self.keys[:, :, -w:]], dim=2)
            self.values = torch.cat([self.values[:, :, :s], self.values[:, :, -w:]], dim=2)
            self.positions = self.positions[:s] + self.positions[-w:]
