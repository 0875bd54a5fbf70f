"""Sends to rank + 1 but also receives from rank + 1: fine for 2 ranks, a deadlock (timeout) for 3."""
import torch
import torch.distributed as dist


def ring_all_reduce(tensor):
    rank, world = dist.get_rank(), dist.get_world_size()
    flat = tensor.detach().clone().reshape(-1)
    chunks = list(flat.tensor_split(world))
    right = (rank + 1) % world
    for phase in ("reduce", "gather"):
        for step in range(world - 1):
            if phase == "reduce":
                send_i, recv_i = (rank - step) % world, (rank - step - 1) % world
            else:
                send_i, recv_i = (rank + 1 - step) % world, (rank - step) % world
            req = dist.isend(chunks[send_i].clone(), dst=right)
            buf = torch.empty_like(chunks[recv_i])
            dist.recv(buf, src=right)
            req.wait()
            if phase == "reduce":
                chunks[recv_i] += buf
            else:
                chunks[recv_i].copy_(buf)
    return flat.reshape(tensor.shape)
