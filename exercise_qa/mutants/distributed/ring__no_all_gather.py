"""Stops after the reduce-scatter phase: each rank holds only one fully reduced chunk."""
import torch
import torch.distributed as dist


def ring_all_reduce(tensor):
    rank, world = dist.get_rank(), dist.get_world_size()
    flat = tensor.detach().clone().reshape(-1)
    chunks = list(flat.tensor_split(world))
    for step in range(world - 1):
        send_i, recv_i = (rank - step) % world, (rank - step - 1) % world
        req = dist.isend(chunks[send_i].clone(), dst=(rank + 1) % world)
        buf = torch.empty_like(chunks[recv_i])
        dist.recv(buf, src=(rank - 1) % world)
        req.wait()
        chunks[recv_i] += buf
    return flat.reshape(tensor.shape)
