"""Adds b2 on every rank before the all-reduce, so the output bias is counted world_size times."""
import torch.distributed as dist
import torch.nn.functional as F


def tp_mlp_forward(x, w1_shard, b1_shard, w2_shard, b2):
    out = F.gelu(x @ w1_shard.T + b1_shard) @ w2_shard.T + b2
    dist.all_reduce(out)
    return out
