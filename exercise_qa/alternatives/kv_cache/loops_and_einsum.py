"""Correct alternatives: products with math.prod, einsum attention with grouped queries (no repeat),
a heap/dict block manager, a deque-based sink cache and a clamp-based int8 quantizer; all must keep full marks."""
import heapq
import math
from collections import deque

import torch


def kv_cache_bytes(n_layers, n_kv_heads, head_dim, seq_len, batch_size, bytes_per_element):
    per_token_per_layer = math.prod((2, n_kv_heads, head_dim, bytes_per_element))
    return int(per_token_per_layer) * n_layers * seq_len * batch_size


def gqa_savings(n_layers, n_heads, n_kv_heads, head_dim, seq_len, batch_size, bytes_per_element):
    if not (n_kv_heads >= 1 and n_heads % n_kv_heads == 0):
        raise ValueError("n_kv_heads must divide n_heads")
    one_head = 2 * n_layers * head_dim * seq_len * batch_size * bytes_per_element
    return {"mha": one_head * n_heads, "gqa": one_head * n_kv_heads, "mqa": one_head,
            "gqa_factor": float(n_heads // n_kv_heads), "mqa_factor": float(n_heads)}


def forward_with_cache(model, tokens, cache):
    B, T = tokens.shape
    past = 0 if len(cache) == 0 else cache[0][1].shape[-2]
    pos = past + torch.arange(T, device=tokens.device)
    key_pos = torch.arange(past + T, device=tokens.device)
    blocked = key_pos[None, :] > pos[:, None]                      # (T, past + T)
    G = model.n_heads // model.n_kv_heads
    x = model.embed(tokens)
    updated = []
    for li, layer in enumerate(model.layers):
        h = layer["attn_norm"](x)
        q = model.rope(model.split_heads(layer["q_proj"](h), model.n_heads), pos)
        k = model.rope(model.split_heads(layer["k_proj"](h), model.n_kv_heads), pos)
        v = model.split_heads(layer["v_proj"](h), model.n_kv_heads)
        if len(cache):
            k = torch.cat((cache[li][0], k), dim=-2)
            v = torch.cat((cache[li][1], v), dim=-2)
        updated.append((k, v))
        # Group the query heads: (B, n_kv, G, T, d) against (B, n_kv, S, d), no repeated K/V.
        qg = q.reshape(B, model.n_kv_heads, G, T, model.head_dim)
        scores = torch.einsum("bkgtd,bksd->bkgts", qg, k) / math.sqrt(model.head_dim)
        scores = scores.masked_fill(blocked, float("-inf"))
        out = torch.einsum("bkgts,bksd->bkgtd", scores.softmax(dim=-1), v)
        out = out.reshape(B, model.n_heads, T, model.head_dim).permute(0, 2, 1, 3).reshape(B, T, -1)
        x = x + layer["o_proj"](out)
        x = x + model.mlp(layer, layer["mlp_norm"](x))
    return model.lm_head(model.final_norm(x)), updated


class BlockManager:
    def __init__(self, num_blocks, block_size):
        self.block_size = block_size
        self.free_heap = list(range(num_blocks))
        heapq.heapify(self.free_heap)
        self.refs = {}
        self.seqs = {}  # seq_id -> [table, length]

    def _need(self, n):
        return math.ceil(n / self.block_size)

    def _grab(self, k):
        if k > len(self.free_heap):
            raise MemoryError("out of KV blocks")
        out = []
        for _ in range(k):
            b = heapq.heappop(self.free_heap)
            self.refs[b] = 1
            out.append(b)
        return out

    def _drop(self, b):
        self.refs[b] -= 1
        if not self.refs[b]:
            del self.refs[b]
            heapq.heappush(self.free_heap, b)

    def allocate(self, seq_id, num_tokens):
        if seq_id in self.seqs:
            raise ValueError("duplicate sequence")
        self.seqs[seq_id] = [self._grab(self._need(num_tokens)), num_tokens]

    def append(self, seq_id, num_tokens=1):
        table, n = self.seqs[seq_id]
        partial_shared = bool(num_tokens) and bool(n % self.block_size) and self.refs[table[-1]] >= 2
        grow = self._need(n + num_tokens) - len(table)
        got = self._grab(grow + (1 if partial_shared else 0))
        if partial_shared:
            old = table[-1]
            table[-1] = got[0]
            got = got[1:]
            self._drop(old)
        table += got
        self.seqs[seq_id][1] = n + num_tokens

    def fork(self, parent_id, child_id):
        if child_id in self.seqs:
            raise ValueError("duplicate sequence")
        table, n = self.seqs[parent_id]
        for b in table:
            self.refs[b] += 1
        self.seqs[child_id] = [table.copy(), n]

    def free(self, seq_id):
        table, _ = self.seqs.pop(seq_id)
        for b in table:
            self._drop(b)

    def block_table(self, seq_id):
        return [int(b) for b in self.seqs[seq_id][0]]

    def num_tokens(self, seq_id):
        return self.seqs[seq_id][1]

    def ref_count(self, block_id):
        return self.refs.get(block_id, 0)

    def num_free_blocks(self):
        return len(self.free_heap)

    def wasted_slots(self, seq_id):
        table, n = self.seqs[seq_id]
        return (-n) % self.block_size if table else 0


def serving_budget(gpu_bytes, weight_bytes, reserve_bytes, kv_bytes_per_token, context_len, batch_size,
                   block_size=16):
    left = gpu_bytes - weight_bytes - reserve_bytes
    blocks = left // (kv_bytes_per_token * block_size) if left > 0 else 0
    per_sequence = (context_len + block_size - 1) // block_size
    return {"num_blocks": int(blocks), "max_sequences": int(blocks // per_sequence),
            "max_context": int(blocks // batch_size) * block_size}


class SinkWindowCache:
    def __init__(self, n_sink, window):
        self.n_sink = n_sink
        self._sinks = []                    # (position, key, value)
        self._recent = deque(maxlen=window)  # (position, key, value)
        self._t = 0
        self.keys = self.values = None
        self.positions = []

    def append(self, key, value):
        item = (self._t, key, value)
        self._t += 1
        if len(self._sinks) < self.n_sink:
            self._sinks.append(item)
        else:
            self._recent.append(item)
        kept = self._sinks + list(self._recent)
        self.positions = [p for p, _, _ in kept]
        self.keys = torch.cat([k for _, k, _ in kept], dim=2)
        self.values = torch.cat([v for _, _, v in kept], dim=2)


def quantize_kv_int8(x):
    amax = x.abs().max(dim=-1, keepdim=True).values
    scale = amax / 127.0
    q = torch.clamp(torch.round(x * (127.0 / amax.clamp_min(torch.finfo(x.dtype).tiny))), -127, 127)
    return q.to(torch.int8), scale.to(x.dtype)


def dequantize_kv_int8(q, scale):
    return scale * q.to(scale.dtype)
