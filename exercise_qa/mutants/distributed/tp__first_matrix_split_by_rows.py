"""Splits W1 by its input features (a row split of W1^T), so GeLU is applied to partial pre-activations."""
import torch
import torch.distributed as dist
import torch.nn.functional as F


def megatron_shards(w1, b1, w2, rank, world_size):
    cols = slice(rank * w1.shape[1] // world_size, (rank + 1) * w1.shape[1] // world_size)
    return w1[:, cols].clone(), b1 / world_size, w2.clone()


def tp_mlp_forward(x, w1_shard, b1_shard, w2_shard, b2):
    rank, world = dist.get_rank(), dist.get_world_size()
    d = x.shape[-1]
    cols = slice(rank * d // world, (rank + 1) * d // world)
    partial = F.gelu(x[:, cols] @ w1_shard.T + b1_shard) @ w2_shard.T
    dist.all_reduce(partial)
    return partial + b2
