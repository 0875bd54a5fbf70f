"""Plain sliding window of n_sink + window tokens: the first tokens (the attention sinks) are evicted too."""
import torch


class SinkWindowCache(SinkWindowCache):
    def append(self, key, value):
        self.keys = key if self.keys is None else torch.cat([self.keys, key], dim=2)
        self.values = value if self.values is None else torch.cat([self.values, value], dim=2)
        self.positions.append(self._seen)
        self._seen += 1
        budget = self.n_sink + self.window
        self.keys, self.values = self.keys[:, :, -budget:], self.values[:, :, -budget:]
        self.positions = self.positions[-budget:]
