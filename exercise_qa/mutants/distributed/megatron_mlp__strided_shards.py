"""Shards the hidden units with a stride (w1[rank::t], w2[:, rank::t]) instead of contiguous blocks: the output is still right, but the shards do not tile the matrices as Megatron lays them out.

Pattern: 2
"""
import torch
import torch.distributed as dist
import torch.nn.functional as F


def megatron_shards(w1, b1, w2, rank, world_size):
    return w1[rank::world_size], b1[rank::world_size], w2[:, rank::world_size]


def tp_mlp_forward(x, w1_shard, b1_shard, w2_shard, b2):
    h = F.gelu(F.linear(x, w1_shard, b1_shard))
    partial = F.linear(h, w2_shard)
    dist.all_reduce(partial)
    return partial + b2
