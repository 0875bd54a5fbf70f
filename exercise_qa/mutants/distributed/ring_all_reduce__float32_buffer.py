"""Copies the input into a float32 working buffer (.float()) and returns it: float64 loses precision and int64 inputs come back as float32.

Pattern: 2
"""
import torch
import torch.distributed as dist


def ring_all_reduce(tensor: torch.Tensor) -> torch.Tensor:
    N, r = dist.get_world_size(), dist.get_rank()
    flat = tensor.detach().reshape(-1).float().clone()
    chunks = list(torch.tensor_split(flat, N))
    nxt, prv = (r + 1) % N, (r - 1) % N
    for s in range(N - 1):
        send_i, recv_i = (r - s) % N, (r - s - 1) % N
        buf = torch.empty_like(chunks[recv_i])
        req = dist.isend(chunks[send_i].contiguous(), nxt)
        dist.recv(buf, prv)
        req.wait()
        chunks[recv_i] += buf
    for s in range(N - 1):
        send_i, recv_i = (r + 1 - s) % N, (r - s) % N
        buf = torch.empty_like(chunks[recv_i])
        req = dist.isend(chunks[send_i].contiguous(), nxt)
        dist.recv(buf, prv)
        req.wait()
        chunks[recv_i].copy_(buf)
    return flat.reshape(tensor.shape)
