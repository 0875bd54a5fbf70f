"""Reads the rank and world size from torch.distributed instead of the arguments: works inside a worker, crashes (or slices wrongly) when called outside a process group or for another rank.

Pattern: 4
"""
import torch
import torch.distributed as dist
import torch.nn.functional as F


def megatron_shards(w1, b1, w2, rank, world_size):
    t, r = dist.get_world_size(), dist.get_rank()
    n = w1.shape[0] // t
    sl = slice(r * n, (r + 1) * n)
    return w1[sl], b1[sl], w2[:, sl]


def tp_mlp_forward(x, w1_shard, b1_shard, w2_shard, b2):
    h = F.gelu(F.linear(x, w1_shard, b1_shard))
    partial = F.linear(h, w2_shard)
    dist.all_reduce(partial)
    return partial + b2
