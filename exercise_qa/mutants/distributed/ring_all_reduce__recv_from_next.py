"""Receives from rank r + 1 instead of r - 1: with 2 ranks both neighbours are the same rank so it works, with 3 or more every rank waits on the wrong peer and the ring hangs.

Pattern: 4
"""
import torch
import torch.distributed as dist


def ring_all_reduce(tensor: torch.Tensor) -> torch.Tensor:
    N, r = dist.get_world_size(), dist.get_rank()
    flat = tensor.detach().clone().reshape(-1)
    chunks = list(torch.tensor_split(flat, N))
    peer = (r + 1) % N
    for s in range(N - 1):
        send_i, recv_i = (r - s) % N, (r - s - 1) % N
        buf = torch.empty_like(chunks[recv_i])
        req = dist.isend(chunks[send_i].contiguous(), peer)
        dist.recv(buf, peer)
        req.wait()
        chunks[recv_i] += buf
    for s in range(N - 1):
        send_i, recv_i = (r + 1 - s) % N, (r - s) % N
        buf = torch.empty_like(chunks[recv_i])
        req = dist.isend(chunks[send_i].contiguous(), peer)
        dist.recv(buf, peer)
        req.wait()
        chunks[recv_i].copy_(buf)
    return flat.reshape(tensor.shape)
