"""All-reduces (sums) the gradients but forgets to divide by world_size: the step is world_size times too big."""
import torch
import torch.distributed as dist
import torch.nn.functional as F


def ddp_sgd_step(rank, world_size, model, x, y, lr):
    xs, ys = x.chunk(world_size)[rank], y.chunk(world_size)[rank]
    model.zero_grad()
    F.mse_loss(model(xs), ys).backward()
    with torch.no_grad():
        for p in model.parameters():
            dist.all_reduce(p.grad)
            p -= lr * p.grad
    return {n: p.detach().clone() for n, p in model.named_parameters()}
