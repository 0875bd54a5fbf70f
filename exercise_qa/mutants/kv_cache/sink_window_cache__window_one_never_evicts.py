"""Makes room before appending by keeping the last window - 1 tokens with a negative slice, which is [-0:] (everything) when window == 1.

Pattern: 1
For window >= 2 (the visible test uses 3) eviction is right; with window=1 the slice keeps
all tokens, the "full" test (==) never fires again and the cache grows without bound.
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
        s = self.n_sink
        if self.keys is not None and len(self.positions) == s + self.window:
            # cache full: keep the sinks and the newest window - 1 tokens, then add the new one
            keep_recent = -(self.window - 1)
            self.keys = torch.cat([self.keys[:, :, :s], self.keys[:, :, s:][:, :, keep_recent:]], dim=2)
            self.values = torch.cat([self.values[:, :, :s], self.values[:, :, s:][:, :, keep_recent:]], dim=2)
            self.positions = self.positions[:s] + self.positions[s:][keep_recent:]
        if self.keys is None:
            self.keys, self.values = key, value
        else:
            self.keys = torch.cat([self.keys, key], dim=2)
            self.values = torch.cat([self.values, value], dim=2)
        self.positions.append(self._next)
        self._next += 1
