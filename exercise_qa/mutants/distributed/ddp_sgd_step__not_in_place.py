"""Builds the updated parameters into a new dict (p - lr * grad) without updating the model in place: the returned values are right but the replica is unchanged.

Pattern: 2
"""
import torch
import torch.distributed as dist
import torch.nn as nn
import torch.nn.functional as F


def ddp_sgd_step(rank, world_size, model, x, y, lr):
    xs, ys = x.chunk(world_size)[rank], y.chunk(world_size)[rank]
    model.zero_grad()
    F.mse_loss(model(xs), ys).backward()
    out = {}
    for name, p in model.named_parameters():
        g = p.grad.detach().clone()
        dist.all_reduce(g)
        g /= world_size
        out[name] = (p.detach() - lr * g).clone()
    return out
