"""Never synchronises the gradients: each rank steps on its own shard and the replicas drift apart."""
import torch
import torch.nn.functional as F


def ddp_sgd_step(rank, world_size, model, x, y, lr):
    xs, ys = x.chunk(world_size)[rank], y.chunk(world_size)[rank]
    model.zero_grad()
    F.mse_loss(model(xs), ys).backward()
    with torch.no_grad():
        for p in model.parameters():
            p -= lr * p.grad
    return {n: p.detach().clone() for n, p in model.named_parameters()}
