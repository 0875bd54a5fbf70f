"""Correct alternatives: table-driven ZeRO, one graph for accumulation, flat-buffer DDP, an
even/odd blocking ring, einsum tensor parallelism, an event-queue pipeline, and numpy-free
mixed-precision helpers."""
import heapq

import torch
import torch.distributed as dist
import torch.nn.functional as F


def zero_memory_gb(n_params, n_gpus, stage, optimizer_bytes=12):
    # which of (weights, gradients, optimizer states) are sharded at each stage
    sharded = {0: (False, False, False), 1: (False, False, True), 2: (False, True, True), 3: (True, True, True)}
    if stage not in sharded:
        raise ValueError("stage must be 0..3")
    sizes = (2 * n_params, 2 * n_params, optimizer_bytes * n_params)
    return float(sum(b / n_gpus if cut else b for b, cut in zip(sizes, sharded[stage]))) / 1e9


def accumulate_gradients(model, micro_batches):
    for p in model.parameters():
        p.grad = None
    counts = [int((y != -100).sum()) for _, y in micro_batches]
    total_tokens = sum(counts)
    loss_value = 0.0
    for (x, y), n in zip(micro_batches, counts):
        if n == 0:
            continue
        mean = F.cross_entropy(model(x).flatten(0, 1), y.flatten(), ignore_index=-100)
        (mean * (n / total_tokens)).backward()   # reweight the micro-batch mean by its token share
        loss_value += mean.item() * n
    return loss_value / total_tokens


def ddp_sgd_step(rank, world_size, model, x, y, lr):
    per_rank = x.shape[0] // world_size
    lo, hi = rank * per_rank, (rank + 1) * per_rank
    params = list(model.parameters())
    grads = torch.autograd.grad(F.mse_loss(model(x[lo:hi]), y[lo:hi]), params)
    flat = torch.cat([g.reshape(-1) for g in grads])        # one bucket, one collective
    dist.all_reduce(flat, op=dist.ReduceOp.SUM)
    flat = flat / world_size
    offset = 0
    with torch.no_grad():
        for p in params:
            n = p.numel()
            p.sub_(lr * flat[offset:offset + n].view_as(p))
            offset += n
    return dict((name, p.detach().clone()) for name, p in model.named_parameters())


def ring_all_reduce(tensor):
    rank, world = dist.get_rank(), dist.get_world_size()
    data = [c.clone() for c in tensor.detach().reshape(-1).tensor_split(world)]
    nxt, prv = (rank + 1) % world, (rank - 1) % world

    def pass_on(out_chunk, in_like):
        buf = torch.empty_like(in_like)
        if rank % 2 == 0:   # even ranks send first, odd ranks receive first: blocking calls cannot deadlock
            dist.send(out_chunk.contiguous(), nxt)
            dist.recv(buf, prv)
        else:
            dist.recv(buf, prv)
            dist.send(out_chunk.contiguous(), nxt)
        return buf

    for s in range(world - 1):
        i_out, i_in = (rank - s) % world, (rank - s - 1) % world
        data[i_in] = data[i_in] + pass_on(data[i_out], data[i_in])
    for s in range(world - 1):
        i_out, i_in = (rank - s + 1) % world, (rank - s) % world
        data[i_in] = pass_on(data[i_out], data[i_in])
    return torch.cat(data).reshape(tensor.shape)


def megatron_shards(w1, b1, w2, rank, world_size):
    w1_parts, b1_parts, w2_parts = w1.chunk(world_size, 0), b1.chunk(world_size, 0), w2.chunk(world_size, 1)
    return w1_parts[rank].contiguous(), b1_parts[rank].contiguous(), w2_parts[rank].contiguous()


def tp_mlp_forward(x, w1_shard, b1_shard, w2_shard, b2):
    h = F.gelu(torch.einsum("bd,hd->bh", x, w1_shard) + b1_shard)
    y = torch.einsum("bh,dh->bd", h, w2_shard).contiguous()
    dist.all_reduce(y)
    return y + b2


def pipeline_schedule(n_stages, n_micro, schedule="gpipe"):
    if schedule not in ("gpipe", "1f1b"):
        raise ValueError(schedule)
    p, m = n_stages, n_micro

    def program(s):
        if schedule == "gpipe":
            return ["F%d" % i for i in range(m)] + ["B%d" % i for i in range(m)]
        warm = min(p - s - 1, m)
        seq = ["F%d" % i for i in range(warm)]
        for i in range(m - warm):
            seq.extend(["F%d" % (warm + i), "B%d" % i])
        return seq + ["B%d" % i for i in range(m - warm, m)]

    progs = [program(s) for s in range(p)]
    ready = {}   # (op, stage) -> first step at which it may run
    cursor = [0] * p
    busy_until = [0] * p
    events = []   # (start step, stage, op)
    remaining = sum(len(pr) for pr in progs)
    step = 0
    table = {}
    while remaining:
        for s in range(p):
            if cursor[s] == len(progs[s]):
                continue
            op = progs[s][cursor[s]]
            i = int(op[1:])
            if op[0] == "F":
                deps = [] if s == 0 else [("F%d" % i, s - 1)]
            else:
                deps = [("F%d" % i, s)] + ([] if s == p - 1 else [("B%d" % i, s + 1)])
            if all(d in table and table[d] < step for d in deps):
                heapq.heappush(events, (step, s, op))
        while events:
            t, s, op = heapq.heappop(events)
            table[(op, s)] = t
            cursor[s] += 1
            remaining -= 1
        step += 1
    length = max(table.values()) + 1
    grid = [[""] * length for _ in range(p)]
    for (op, s), t in table.items():
        grid[s][t] = op
    return grid


def bubble_fraction(n_stages, n_micro):
    busy = 2 * n_micro                       # F and B per micro-batch, per stage
    total = 2 * (n_micro + n_stages - 1)
    return 1.0 - busy / total


def peak_activations(timeline):
    out = []
    for row in timeline:
        f = [1 if c[:1] == "F" else 0 for c in row]
        b = [1 if c[:1] == "B" else 0 for c in row]
        running = torch.cumsum(torch.tensor(f) - torch.tensor(b), 0) if row else torch.zeros(1)
        out.append(int(max(0, int(running.max()))))
    return out


class DynamicLossScaler:
    def __init__(self, init_scale=2.0 ** 16, growth_factor=2.0, backoff_factor=0.5, growth_interval=2000):
        self.scale = float(init_scale)
        self.growth_factor = growth_factor
        self.backoff_factor = backoff_factor
        self.growth_interval = growth_interval
        self.good_steps = 0

    def update(self, found_inf):
        self.good_steps = 0 if found_inf else self.good_steps + 1
        if found_inf:
            self.scale = float(self.scale * self.backoff_factor)
        elif self.good_steps >= self.growth_interval:
            self.scale = float(self.scale * self.growth_factor)
            self.good_steps = 0
        return not found_inf


def fp16_gradient(grad, scale):
    return torch.div(torch.mul(grad.to(torch.float32), scale).half().to(torch.float32), scale)


def apply_updates(w0, delta, n_steps, dtype, fp32_master):
    store = torch.float32 if fp32_master else dtype
    w = torch.tensor([w0], dtype=store)
    step = torch.tensor([delta], dtype=torch.float32)
    for _ in range(n_steps):
        w = (w.float() + step).to(store)
    return w.to(dtype).item()


def training_compute(n_params, n_tokens, n_gpus, peak_flops, mfu):
    forward = 2.0 * n_params * n_tokens
    flops = forward + 2.0 * forward
    return float(flops), float(flops / (n_gpus * peak_flops * mfu) / 60.0 / 60.0)
