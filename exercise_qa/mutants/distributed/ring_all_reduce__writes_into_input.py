"""Runs the ring on a flattened view of the input and returns the input itself: the sum is right but the caller's tensor is overwritten instead of a new tensor being returned.

Pattern: 2
"""
import torch
import torch.distributed as dist


def ring_all_reduce(tensor: torch.Tensor) -> torch.Tensor:
    N, r = dist.get_world_size(), dist.get_rank()
    flat = tensor.view(-1)
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
    return tensor
