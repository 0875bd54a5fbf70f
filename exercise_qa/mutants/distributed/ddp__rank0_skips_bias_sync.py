"""Rank 0 skips the all-reduce of bias gradients: the collectives no longer match and the job hangs."""
import torch
import torch.distributed as dist
import torch.nn.functional as F


def ddp_sgd_step(rank, world_size, model, x, y, lr):
    xs, ys = x.chunk(world_size)[rank], y.chunk(world_size)[rank]
    model.zero_grad()
    F.mse_loss(model(xs), ys).backward()
    with torch.no_grad():
        for name, p in model.named_parameters():
            if not (rank == 0 and name.endswith("bias")):
                dist.all_reduce(p.grad)
            p -= lr * p.grad / world_size
    return {n: p.detach().clone() for n, p in model.named_parameters()}
