"""All-reduces the gradients with SUM and forgets to divide by the world size: every step is world_size times too large.

Pattern: 2
"""
import torch
import torch.distributed as dist
import torch.nn as nn
import torch.nn.functional as F


def ddp_sgd_step(rank, world_size, model, x, y, lr):
    model.zero_grad(set_to_none=True)
    xs, ys = x.chunk(world_size)[rank], y.chunk(world_size)[rank]
    F.mse_loss(model(xs), ys).backward()
    with torch.no_grad():
        for p in model.parameters():
            dist.all_reduce(p.grad)
            p -= lr * p.grad
    return {n: p.detach().clone() for n, p in model.named_parameters()}
