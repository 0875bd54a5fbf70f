"""Evicts the right position from the positions list, but drops the oldest slot (a sink) from the key/value tensors.

Pattern: 5
positions and the tensor shapes are right, so the visible test passes, but once eviction
starts the kept keys and values are those of a plain sliding window, no longer the tokens
listed in positions.
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
        if len(self.positions) > self.n_sink + self.window:
            del self.positions[self.n_sink]        # first token after the sinks
            self.keys = self.keys[:, :, 1:]        # drop the oldest entry
            self.values = self.values[:, :, 1:]
