"""Off-by-one chunk index in the reduce-scatter: the received chunk is added to the chunk that was just sent."""
import torch
import torch.distributed as dist


def ring_all_reduce(tensor):
    rank, world = dist.get_rank(), dist.get_world_size()
    flat = tensor.detach().clone().reshape(-1)
    chunks = list(flat.tensor_split(world))
    right, left = (rank + 1) % world, (rank - 1) % world
    for step in range(world - 1):
        send_i, recv_i = (rank - step) % world, (rank - step) % world
        req = dist.isend(chunks[send_i].clone(), dst=right)
        buf = torch.empty_like(chunks[recv_i])
        dist.recv(buf, src=left)
        req.wait()
        chunks[recv_i] += buf
    for step in range(world - 1):
        send_i, recv_i = (rank + 1 - step) % world, (rank - step) % world
        req = dist.isend(chunks[send_i].clone(), dst=right)
        buf = torch.empty_like(chunks[recv_i])
        dist.recv(buf, src=left)
        req.wait()
        chunks[recv_i].copy_(buf)
    return flat.reshape(tensor.shape)
