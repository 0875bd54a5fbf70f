"""All-reduces the hidden activations (before W2) instead of the partial outputs: it sums different hidden units."""
import torch.distributed as dist
import torch.nn.functional as F


def tp_mlp_forward(x, w1_shard, b1_shard, w2_shard, b2):
    hidden = F.gelu(x @ w1_shard.T + b1_shard)
    dist.all_reduce(hidden)
    return hidden @ w2_shard.T * dist.get_world_size() + b2
