"""Adds b2 to each rank's partial output before the all-reduce, so the bias is summed t times instead of added once.

Pattern: 5
"""
import torch
import torch.distributed as dist
import torch.nn.functional as F


def megatron_shards(w1, b1, w2, rank, world_size):
    w1s = torch.chunk(w1, world_size, dim=0)[rank]
    b1s = torch.chunk(b1, world_size, dim=0)[rank]
    w2s = torch.chunk(w2, world_size, dim=1)[rank]
    return w1s, b1s, w2s


def tp_mlp_forward(x, w1_shard, b1_shard, w2_shard, b2):
    h = F.gelu(F.linear(x, w1_shard, b1_shard))
    y = F.linear(h, w2_shard, b2)
    dist.all_reduce(y)
    return y
