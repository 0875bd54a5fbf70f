"""Keeps "first n_sink" + "last window" positions even when they overlap, so early positions are stored twice."""
import torch


class SinkWindowCache(SinkWindowCache):
    def __init__(self, n_sink, window):
        super().__init__(n_sink, window)
        self._all_k, self._all_v = [], []

    def append(self, key, value):
        self._all_k.append(key)
        self._all_v.append(value)
        self._seen += 1
        keep = list(range(min(self.n_sink, self._seen))) + list(range(max(0, self._seen - self.window), self._seen))
        self.positions = keep
        self.keys = torch.cat([self._all_k[p] for p in keep], dim=2)
        self.values = torch.cat([self._all_v[p] for p in keep], dim=2)
