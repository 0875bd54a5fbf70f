"""Correct alternatives in another style: integer reduce, float64 attention written out per query head
(no repeat), a FIFO block manager with dict reference counts (it hands out other block ids than the
reference), a sink cache kept as two lists of slices, and a float64 int8 quantizer; all must keep full marks."""
import functools
import math
import operator
from collections import deque

import torch


def kv_cache_bytes(n_layers, n_kv_heads, head_dim, seq_len, batch_size, bytes_per_element):
    return functools.reduce(operator.mul, (2, n_layers, n_kv_heads, head_dim, seq_len, batch_size,
                                           bytes_per_element), 1)


def gqa_savings(n_layers, n_heads, n_kv_heads, head_dim, seq_len, batch_size, bytes_per_element):
    if n_kv_heads <= 0 or n_heads % n_kv_heads != 0:
        raise ValueError("n_kv_heads must be a positive divisor of n_heads")
    out = {}
    for name, kv in (("mha", n_heads), ("gqa", n_kv_heads), ("mqa", 1)):
        out[name] = kv_cache_bytes(n_layers, kv, head_dim, seq_len, batch_size, bytes_per_element)
    out["gqa_factor"] = float(n_heads) / float(n_kv_heads)
    out["mqa_factor"] = float(n_heads)
    return out


def forward_with_cache(model, tokens, cache):
    B, T = tokens.shape
    past = int(cache[0][0].shape[2]) if len(cache) > 0 else 0
    pos = torch.arange(past, past + T, device=tokens.device)
    total = past + T
    future = torch.arange(total, device=tokens.device)[None, :] > pos[:, None]       # (T, total)
    group = model.n_heads // model.n_kv_heads
    x = model.embed(tokens)
    new_cache = []
    for li, layer in enumerate(model.layers):
        h = layer["attn_norm"](x)
        q = model.rope(model.split_heads(layer["q_proj"](h), model.n_heads), pos)
        k = model.rope(model.split_heads(layer["k_proj"](h), model.n_kv_heads), pos)
        v = model.split_heads(layer["v_proj"](h), model.n_kv_heads)
        if past:
            k = torch.cat([cache[li][0], k], dim=2)
            v = torch.cat([cache[li][1], v], dim=2)
        new_cache.append((k, v))
        heads = []
        for head in range(model.n_heads):
            kv = head // group
            scores = q[:, head].double() @ k[:, kv].double().transpose(-1, -2) / math.sqrt(model.head_dim)
            scores = scores.masked_fill(future, float("-inf"))
            heads.append((scores.softmax(-1) @ v[:, kv].double()).to(x.dtype))
        attn = torch.stack(heads, dim=1)                                               # (B, H, T, hd)
        x = x + layer["o_proj"](attn.transpose(1, 2).reshape(B, T, -1))
        x = x + model.mlp(layer, layer["mlp_norm"](x))
    return model.lm_head(model.final_norm(x)), new_cache


class BlockManager:
    def __init__(self, num_blocks, block_size):
        self.block_size = block_size
        self.free_q = deque(range(num_blocks))   # FIFO: freed blocks go to the back
        self.refs = {}
        self.tables, self.lengths = {}, {}

    def _need(self, n):
        return (n + self.block_size - 1) // self.block_size

    def allocate(self, seq_id, num_tokens):
        if seq_id in self.tables:
            raise ValueError("exists")
        n = self._need(num_tokens)
        if n > len(self.free_q):
            raise MemoryError("no room")
        blocks = [self.free_q.popleft() for _ in range(n)]
        for b in blocks:
            self.refs[b] = 1
        self.tables[seq_id], self.lengths[seq_id] = blocks, num_tokens

    def append(self, seq_id, num_tokens=1):
        table, n = self.tables[seq_id], self.lengths[seq_id]
        grow = self._need(n + num_tokens) - len(table)
        cow = num_tokens > 0 and n % self.block_size and self.refs.get(table[-1], 0) > 1
        if grow + (1 if cow else 0) > len(self.free_q):
            raise MemoryError("no room")
        if cow:
            self.refs[table[-1]] -= 1
            table[-1] = self.free_q.popleft()
            self.refs[table[-1]] = 1
        for _ in range(grow):
            b = self.free_q.popleft()
            self.refs[b] = 1
            table.append(b)
        self.lengths[seq_id] = n + num_tokens

    def fork(self, parent_id, child_id):
        if child_id in self.tables:
            raise ValueError("exists")
        self.tables[child_id] = self.tables[parent_id][:]
        self.lengths[child_id] = self.lengths[parent_id]
        for b in self.tables[child_id]:
            self.refs[b] += 1

    def free(self, seq_id):
        for b in self.tables.pop(seq_id):
            self.refs[b] -= 1
            if self.refs[b] == 0:
                del self.refs[b]
                self.free_q.append(b)
        self.lengths.pop(seq_id)

    def block_table(self, seq_id):
        return self.tables[seq_id][:]

    def num_tokens(self, seq_id):
        return self.lengths[seq_id]

    def ref_count(self, block_id):
        return self.refs.get(block_id, 0)

    def num_free_blocks(self):
        return len(self.free_q)

    def wasted_slots(self, seq_id):
        return len(self.tables[seq_id]) * self.block_size - self.lengths[seq_id]


class SinkWindowCache:
    def __init__(self, n_sink, window):
        self.n_sink, self.window = n_sink, window
        self._sinks, self._recent = [], deque()   # (position, key, value)
        self.keys = self.values = None
        self.positions = []

    def append(self, key, value):
        position = len(self._sinks) + len(self._recent) + getattr(self, "_evicted", 0)
        if len(self._sinks) < self.n_sink:
            self._sinks.append((position, key, value))
        else:
            self._recent.append((position, key, value))
            if len(self._recent) > self.window:
                self._recent.popleft()
                self._evicted = getattr(self, "_evicted", 0) + 1
        kept = self._sinks + list(self._recent)
        self.positions = [p for p, _, _ in kept]
        self.keys = torch.cat([k for _, k, _ in kept], dim=2)
        self.values = torch.cat([v for _, _, v in kept], dim=2)


def quantize_kv_int8(x):
    wide = x.double()
    scale = wide.abs().amax(dim=-1, keepdim=True) / 127.0
    q = torch.where(scale > 0, wide / torch.where(scale > 0, scale, 1.0), 0.0).round().clamp(-127, 127)
    return q.to(torch.int8), scale.to(x.dtype)


def dequantize_kv_int8(q, scale):
    return (q.double() * scale.double()).to(scale.dtype)
