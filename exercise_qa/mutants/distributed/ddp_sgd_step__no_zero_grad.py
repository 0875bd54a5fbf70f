"""Skips model.zero_grad() before backward: right when the replica arrives with no gradients, wrong when it already holds stale .grad values.

Pattern: 4
"""
import torch
import torch.distributed as dist
import torch.nn as nn
import torch.nn.functional as F


def ddp_sgd_step(rank, world_size, model, x, y, lr):
    xs = x.chunk(world_size)[rank]
    ys = y.chunk(world_size)[rank]
    loss = F.mse_loss(model(xs), ys)
    loss.backward()
    with torch.no_grad():
        for p in model.parameters():
            dist.all_reduce(p.grad)
            p.grad /= world_size
            p -= lr * p.grad
    return {n: p.detach().clone() for n, p in model.named_parameters()}
